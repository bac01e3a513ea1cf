using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Attendance.ChildAttendance;

public sealed record CorrectionRow(DateOnly Date, Session Session, string OldCode, string? NewCode, string School, string? ChangedBy, string Source, DateTime ChangedAtUtc);

/// <summary>
/// A child's attendance for one academic year: the marks as a calendar, the term's and year's figures,
/// and the corrections made to the marks. Open to whoever may see the child.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, ChildGate gate, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    /// <summary>More corrections than this in a year are summarised rather than listed.</summary>
    public const int CorrectionsShown = 200;

    [BindProperty(SupportsGet = true, Name = AttendanceYearChoice.Field)]
    public string? RequestedYear { get; set; }

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    public ReportingPeriod Period { get; private set; }

    public IReadOnlyList<SelectOption> YearOptions { get; private set; } = [];

    public IReadOnlyList<MarkCalendar> Calendars { get; private set; } = [];

    public SessionCounts Term { get; private set; }

    public SessionCounts Year { get; private set; }

    public IReadOnlyList<CorrectionRow> Corrections { get; private set; } = [];

    public int CorrectionCount { get; private set; }

    public IReadOnlyList<Suspension> Suspensions { get; private set; } = [];

    public IReadOnlyList<ReducedTimetable> ReducedTimetables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var today = Today(clock);
        if (!await gate.MayOpenAsync(id))
        {
            return await gate.RefuseAsync(id, "attendance");
        }

        var child = await db.Children.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Id, c.LegalForename, c.PreferredForename, c.LegalSurname, c.PreferredSurname })
            .SingleAsync();

        ChildId = child.Id;
        ChildName = $"{child.PreferredForename ?? child.LegalForename} {child.PreferredSurname ?? child.LegalSurname}";

        var current = AcademicYear.Containing(today).StartYear;
        var offered = (await db.AttendanceYears.AsNoTracking().Where(y => y.ChildId == id && y.AcademicYear <= current)
                .Select(y => y.AcademicYear).Distinct().ToListAsync())
            .Append(current).Distinct().OrderDescending().Select(y => new AcademicYear(y)).ToList();
        var (year, error) = AttendanceYearChoice.Choose(RequestedYear, offered, today);
        if (error is not null)
        {
            ModelState.AddModelError(AttendanceYearChoice.Field, error);
        }

        Period = ReportingPeriod.For(year, today);
        YearOptions = AttendanceYearChoice.Options(offered, year);

        var rows = await db.AttendanceYears.AsNoTracking()
            .Where(y => y.ChildId == id && y.AcademicYear == year.StartYear)
            .OrderBy(y => y.School!.Name)
            .Select(y => new { y.Marks, School = y.School!.Name })
            .ToListAsync();
        var calendars = new List<MarkCalendar>();
        foreach (var row in rows)
        {
            var marks = new YearMarks(year, row.Marks);
            Term += marks.Count(Period.Term.Start, Period.AsOf);
            Year += marks.Count(year.Start, Period.AsOf);
            calendars.Add(MarkCalendar.Build(row.School, marks, Period));
        }

        Calendars = calendars;

        var changes = db.AttendanceMarkChanges.AsNoTracking().Where(c => c.ChildId == id && c.Date >= year.Start && c.Date <= year.End);
        CorrectionCount = await changes.CountAsync();
        Corrections = await changes
            .OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id)
            .Take(CorrectionsShown)
            .Select(c => new CorrectionRow(c.Date, c.Session, c.OldCode, c.NewCode,
                db.Schools.Where(s => s.Id == c.SchoolId).Select(s => s.Name).First(),
                db.Users.Where(u => u.Id == c.ChangedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                c.Source, c.ChangedAtUtc))
            .ToListAsync();

        // This year's time out of school beside the marks it explains (E and C2); the details live on their own pages.
        Suspensions = await db.Suspensions.AsNoTracking().Include(s => s.School)
            .Where(s => s.ChildId == id && s.StartDate >= year.Start && s.StartDate <= year.End)
            .OrderBy(s => s.StartDate).ToListAsync();
        ReducedTimetables = await db.ReducedTimetables.AsNoTracking().Include(t => t.School)
            .Where(t => t.ChildId == id && t.StartDate <= year.End && (t.EndedOn == null || t.EndedOn >= year.Start))
            .OrderBy(t => t.StartDate).ToListAsync();

        await auditor.RecordNowAsync(AuditActions.AttendanceViewed, childId: id, detail: $"attendance {year}");
        return Page();
    }
}
