using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.People;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Leads;

public sealed record LeadSummary(string Name, string? Email, string? Phone);

public sealed record SchoolLeads(int Urn, string Name, bool InCohort, IReadOnlyList<LeadSummary> Leads);

/// <summary>Every school's Transition Leads, and the schools in the cohort that have none. School staff go to their own school.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public IReadOnlyList<SchoolLeads> Schools { get; private set; } = [];

    public IReadOnlyList<CohortSchool> CohortWithoutLead { get; private set; } = [];

    /// <summary>Show only the schools in the cohort without a lead.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Without { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = Roles.ScopeOf(currentUser.Role);
        if (scope == DataScope.School && currentUser.SchoolId is int own)
        {
            var urn = await db.Schools.Where(s => s.Id == own).Select(s => s.Urn).SingleAsync();
            return Redirect($"/transition/leads/{urn}");
        }

        if (scope != DataScope.LocalAuthority)
        {
            return Forbid();
        }

        var leads = await db.SchoolTransitionLeads.AsNoTracking().Where(l => l.EndedOn == null)
            .OrderBy(l => l.Name).Select(l => new { l.SchoolId, l.Name, l.Email, l.Phone }).ToListAsync();
        var bySchool = leads.ToLookup(l => l.SchoolId, l => new LeadSummary(l.Name, l.Email, l.Phone));
        var cohort = await CohortSchools.LoadAsync(db, Today(clock));
        var inCohort = cohort.Select(c => c.SchoolId).ToHashSet();
        CohortWithoutLead = cohort.Where(c => !bySchool.Contains(c.SchoolId)).ToList();

        var withLead = bySchool.Select(g => g.Key).ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => s.IsOpen || withLead.Contains(s.Id))
            .Select(s => new { s.Id, s.Urn, s.Name }).ToListAsync();
        Schools = schools.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SchoolLeads(s.Urn, s.Name, inCohort.Contains(s.Id), bySchool[s.Id].ToList()))
            .Where(s => !Without || (s.InCohort && s.Leads.Count == 0))
            .ToList();
        return Page();
    }
}
