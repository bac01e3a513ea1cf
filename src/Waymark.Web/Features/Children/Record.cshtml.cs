using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Children;

public sealed class RecordModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public Child Child { get; private set; } = null!;

    public DateOnly TodayDate { get; private set; }

    public NcYear? Year { get; private set; }

    public bool YearIsOverridden { get; private set; }

    /// <summary>The child's transitions to secondary school, latest first; each page decides what the user may see of it.</summary>
    public IReadOnlyList<(Guid Id, int CohortYear, Waymark.Domain.Transitions.CohortDecision Decision)> Transitions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        TodayDate = Today(clock);
        var child = await db.Children.AsNoTracking()
            .VisibleTo(currentUser.Scope, TodayDate)
            .Include(c => c.FormerUpns)
            .Include(c => c.Enrolments).ThenInclude(e => e.School)
            .Include(c => c.Statuses)
            .Include(c => c.KeyPeople).ThenInclude(k => k.User)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id);

        if (child is null)
        {
            // Out of scope looks exactly like not found, but the attempt is on the record.
            if (await db.Children.AnyAsync(c => c.Id == id))
            {
                await auditor.RecordNowAsync(AuditActions.ChildRefused, childId: id, detail: "outside the user's scope");
            }

            return NotFound();
        }

        Child = child;
        var year = AcademicYear.Containing(TodayDate);
        YearIsOverridden = child.YearGroupOffset != 0;
        Year = child.NcYearIn(year);
        Transitions = (await db.Transitions.AsNoTracking().Where(t => t.ChildId == id).OrderByDescending(t => t.CohortYear)
                .Select(t => new { t.Id, t.CohortYear, t.Decision }).ToListAsync())
            .Select(t => (t.Id, t.CohortYear, t.Decision)).ToList();
        await auditor.RecordNowAsync(AuditActions.ChildViewed, childId: id);
        return Page();
    }
}
