using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>A child's reduced timetables, latest first, with what each one's alerts say today.</summary>
public sealed class IndexModel(WaymarkDbContext db, ReducedTimetableGate gate) : ReducedTimetablePageModel(db, gate)
{
    public IReadOnlyList<(ReducedTimetable Timetable, IReadOnlyList<ReducedTimetableFinding> Alerts)> Timetables { get; private set; } = [];

    /// <summary>This year's C2 marks that no recorded timetable covers, by school.</summary>
    public IReadOnlyList<(string School, string Summary)> UncoveredMarks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "list") is IActionResult refused)
        {
            return refused;
        }

        var timetables = await Db.ReducedTimetables.AsNoTracking().Include(t => t.School).Include(t => t.Reviews)
            .Where(t => t.ChildId == id).AsSplitQuery().ToListAsync();
        Timetables = timetables.OrderByDescending(t => t.StartDate).ThenByDescending(t => t.Id)
            .Select(t => (t, ReducedTimetableChecks.Check(t.ToState(Access.HasSocialWorker), Access.Today)))
            .ToList();

        var year = AcademicYear.Containing(Access.Today);
        var marks = await Db.AttendanceYears.AsNoTracking().Where(a => a.ChildId == id && a.AcademicYear == year.StartYear)
            .Select(a => new { a.SchoolId, School = a.School!.Name, a.Marks }).ToListAsync();
        UncoveredMarks = marks
            .Select(m => (m.School, Sessions: ReducedTimetableChecks.PartTimeMarksWithoutTimetable(new YearMarks(year, m.Marks),
                timetables.Where(t => t.SchoolId == m.SchoolId).Select(t => (t.StartDate, t.EndedOn)))))
            .Where(m => m.Sessions.Count > 0)
            .Select(m => (m.School, ReducedTimetableChecks.DescribeUncovered(m.Sessions)))
            .ToList();
        return Page();
    }
}
