using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.SchoolAttendance;

/// <summary>
/// A school's attendance as DfE counts it: by year group and by vulnerable group, for the term or the year,
/// and week by week. The school's own staff and LA-wide users only.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, AttendanceBreakdowns breakdowns, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : WaymarkPageModel
{
    [BindProperty(SupportsGet = true, Name = AttendanceYearChoice.Field)]
    public string? RequestedYear { get; set; }

    [BindProperty(SupportsGet = true, Name = AttendanceYearChoice.PeriodField)]
    public string? RequestedPeriod { get; set; }

    public int Urn { get; private set; }

    public string SchoolName { get; private set; } = "";

    public bool ShowsTerm { get; private set; }

    public SchoolBreakdown Figures { get; private set; } = null!;

    public IReadOnlyList<SelectField> Choices { get; private set; } = [];

    /// <summary>LA-wide users came from the LA view; school staff from their school.</summary>
    public bool SeesAllSchools { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Id, s.Urn, s.Name }).SingleOrDefaultAsync();
        if (school is null)
        {
            return NotFound();
        }

        // As for a school's Transition Leads: another school's staff are told it is not there; others may not look.
        var scope = currentUser.Scope;
        SeesAllSchools = scope.DataScope == DataScope.LocalAuthority;
        if (!SeesAllSchools && !(scope.DataScope == DataScope.School && scope.SchoolId == school.Id))
        {
            return scope.DataScope == DataScope.School ? NotFound() : Forbid();
        }

        Urn = school.Urn;
        SchoolName = school.Name;
        var today = Today(clock);
        var offered = await breakdowns.YearsAsync(today, school.Id);
        var (year, error) = AttendanceYearChoice.Choose(RequestedYear, offered, today);
        if (error is not null)
        {
            ModelState.AddModelError(AttendanceYearChoice.Field, error);
        }

        var period = ReportingPeriod.For(year, today);
        ShowsTerm = AttendanceYearChoice.WantsTerm(RequestedPeriod);
        Choices =
        [
            new SelectField(AttendanceYearChoice.Field, "Academic year", AttendanceYearChoice.Options(offered, year), ErrorFor(AttendanceYearChoice.Field)),
            new SelectField(AttendanceYearChoice.PeriodField, "Figures for", AttendanceYearChoice.PeriodOptions(period, ShowsTerm), null),
        ];
        Figures = await breakdowns.ForSchoolAsync(school.Id, period);
        await auditor.RecordNowAsync(AuditActions.SchoolAttendanceViewed, detail: $"school {school.Urn}, {year}");
        return Page();
    }

    public CohortFigures Chosen(BreakdownRow row) => ShowsTerm ? row.Term : row.Year;

    public FiguresTable Table(string id, string caption, string groupHeader, IEnumerable<BreakdownRow> rows) =>
        new(id, caption, groupHeader, rows.Select(r => new FiguresTableRow(r.Group, Chosen(r))).ToList());
}
