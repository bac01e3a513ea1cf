using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Attendance.Suspensions;

/// <summary>A child's suspensions and exclusions, newest first, with this school year's total at each school against the 45-day limit.</summary>
public sealed class IndexModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SuspensionPageModel(db, gate, currentUser, auditor, clock)
{
    public IReadOnlyList<Suspension> Suspensions { get; private set; } = [];

    public AcademicYear Year { get; private set; }

    /// <summary>This school year's sessions of suspension at each school, with its name: the 45-day limit is per school.</summary>
    public IReadOnlyList<(string School, int Sessions)> SessionsThisYear { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenChildAsync(id, "list") is IActionResult refused)
        {
            return refused;
        }

        Suspensions = await Db.Suspensions.AsNoTracking().Include(s => s.School).Where(s => s.ChildId == id)
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id).ToListAsync();
        Year = AcademicYear.Containing(TodayDate);
        var names = Suspensions.Select(s => s.School!).DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Name);
        SessionsThisYear = [.. SuspensionAlerts.SessionsBySchool(Year, Suspensions).Select(t => (names[t.Key], t.Value)).OrderBy(t => t.Item1, StringComparer.Ordinal)];
        return Page();
    }
}
