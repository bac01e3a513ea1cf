using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Programme.Interventions;

/// <summary>The LA's catalogue of interventions, with how many children each has reached.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser) : WaymarkPageModel
{
    public IReadOnlyList<(Intervention Intervention, int ChildrenEnrolled)> Rows { get; private set; } = [];

    public bool CanManage => TransitionAccess.CanManageProgramme(currentUser.Role);

    public async Task OnGetAsync()
    {
        var interventions = await db.Interventions.AsNoTracking().ToListAsync();
        var enrolled = await db.InterventionEnrolments.AsNoTracking()
            .GroupBy(e => e.InterventionId)
            .Select(g => new { g.Key, Children = g.Select(e => e.ChildId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Children);

        // Those in use first, each group by name.
        Rows = interventions.OrderBy(i => !i.IsActive).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Select(i => (i, enrolled.GetValueOrDefault(i.Id))).ToList();
    }
}
