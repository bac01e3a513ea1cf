using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.Overview;

/// <summary>
/// Attendance across the LA, by phase and by school, schools with the highest persistent absence first.
/// LA-wide users only; school staff are taken to their own school's page, which is what "Attendance" means to them.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, AttendanceBreakdowns breakdowns, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : WaymarkPageModel
{
    [BindProperty(SupportsGet = true, Name = AttendanceYearChoice.Field)]
    public string? RequestedYear { get; set; }

    [BindProperty(SupportsGet = true, Name = AttendanceYearChoice.PeriodField)]
    public string? RequestedPeriod { get; set; }

    public bool ShowsTerm { get; private set; }

    public LocalAuthorityBreakdown Figures { get; private set; } = null!;

    public IReadOnlyList<SelectField> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = currentUser.Scope;
        if (scope.DataScope == DataScope.School && scope.SchoolId is int schoolId)
        {
            var urn = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Urn).SingleAsync();
            return Redirect($"/schools/{urn}/attendance");
        }

        if (scope.DataScope != DataScope.LocalAuthority)
        {
            return Forbid();
        }

        var today = Today(clock);
        var offered = await breakdowns.YearsAsync(today);
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
        Figures = await breakdowns.ForLocalAuthorityAsync(period);
        await auditor.RecordNowAsync(AuditActions.SchoolAttendanceViewed, detail: $"all schools, {year}");
        return Page();
    }

    public CohortFigures Chosen(BreakdownRow row) => ShowsTerm ? row.Term : row.Year;

    public FiguresTable PhaseTable() => new("by-phase", "By phase", "Phase",
        [.. Figures.ByPhase.Select(r => new FiguresTableRow(r.Group, Chosen(r))), new FiguresTableRow(Figures.All.Group, Chosen(Figures.All))]);

    /// <summary>Schools with the highest persistent absence rate first; schools without figures last.</summary>
    public FiguresTable SchoolTable() => new("by-school", "By school, highest persistent absence first", "School",
        Figures.Schools
            .Select(s => (School: s, Figures: ShowsTerm ? s.Term : s.Year))
            .OrderBy(s => s.Figures.Enrolments == 0)
            .ThenByDescending(s => s.Figures.PersistentAbsenceRate)
            .ThenBy(s => s.School.Name, StringComparer.CurrentCulture)
            .Select(s => new FiguresTableRow(s.School.Name, s.Figures, $"/schools/{s.School.Urn}/attendance", SchoolPhases.DisplayName(s.School.Phase)))
            .ToList());
}
