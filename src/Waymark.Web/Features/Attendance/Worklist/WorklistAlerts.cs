using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Web.Features.Attendance.Worklist;

/// <summary>
/// Which alerts a user sees: those of children they may see (<see cref="ChildScoping.VisibleTo"/>); school staff
/// only their own school's alerts, not those another school's registers raised for a dual-registered pupil.
/// </summary>
public static class WorklistAlerts
{
    public static IQueryable<AttendanceAlert> VisibleTo(WaymarkDbContext db, UserScope scope, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (!AlertHandling.CanSeeWorklist(scope.DataScope))
        {
            return db.AttendanceAlerts.Where(_ => false);
        }

        var children = db.Children.VisibleTo(db, scope, today);
        var alerts = db.AttendanceAlerts.Where(a => children.Any(c => c.Id == a.ChildId));
        return scope.DataScope == DataScope.School
            ? alerts.Where(a => a.SchoolId == null || a.SchoolId == scope.SchoolId)
            : alerts;
    }

    /// <summary>The alert's status in words, and the tag colour for it.</summary>
    public static (string Text, string Tag) Status(DateTime? handledAtUtc, DateOnly? clearedOn) =>
        handledAtUtc is not null ? ("Handled", "govuk-tag--green")
        : clearedOn is not null ? ("No longer applies", "govuk-tag--grey")
        : ("Open", "govuk-tag--red");

    /// <summary>
    /// The chronic-absence breakdown for this term: children with a chronic-absence alert for the term that still
    /// holds (handled or not), by plan, zero attendance, EHC plan and age. Optionally for one school's alerts.
    /// </summary>
    public static async Task<ChronicAbsenceCounts> ChronicBreakdownAsync(WaymarkDbContext db, DateOnly today, int? schoolId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var term = SchoolTerms.Containing(today);
        var suffix = ":" + AttendanceAlertRules.TermKey(term);
        var alerts = db.AttendanceAlerts.AsNoTracking()
            .Where(a => a.Kind == AlertKind.ChronicAbsence && a.ClearedOn == null && a.Key.EndsWith(suffix));
        if (schoolId is int id)
        {
            alerts = alerts.Where(a => a.SchoolId == id);
        }

        var childIds = await alerts.Select(a => a.ChildId).Distinct().ToListAsync(ct);
        var status = CurrentOn.Status(today);
        var keyPerson = CurrentOn.KeyPerson(today);
        var planStatuses = ChronicAbsenceBreakdown.PlanStatuses.ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).Select(c => new
        {
            c.Id,
            c.DateOfBirth,
            Lead = c.KeyPeople.AsQueryable().Where(keyPerson)
                .Any(k => k.Role == KeyPersonRole.LeadProfessional || k.Role == KeyPersonRole.SocialWorker),
            Plan = c.Statuses.AsQueryable().Where(status).Any(s => planStatuses.Contains(s.Type)),
            Ehc = c.Statuses.AsQueryable().Where(status).Any(s => s.Type == ChildStatusType.EhcPlan),
            // A Family Early Help Plan in force is a plan with its own Lead Professional (the spell without an end).
            FamilyPlan = db.FamilyMembers.Any(m => m.ChildId == c.Id && db.EarlyHelpPlans.Any(p => p.Id == m.PlanId
                && (p.Stage == PlanStage.Active || p.Stage == PlanStage.WithMash) && p.LeadProfessionals.Any(l => l.EndedOn == null))),
            SchoolPlan = db.AttendanceSupportPlans.Any(p => p.ChildId == c.Id && p.StartedOn <= today && (p.EndedOn == null || p.EndedOn >= today)),
        }).ToListAsync(ct);

        // Zero attendance this term across all the child's schools.
        var year = AcademicYear.Containing(today);
        var marks = await db.AttendanceYears.AsNoTracking()
            .Where(a => a.AcademicYear == year.StartYear && childIds.Contains(a.ChildId))
            .Select(a => new { a.ChildId, a.Marks }).ToListAsync(ct);
        var attended = marks.GroupBy(m => m.ChildId)
            .ToDictionary(g => g.Key, g => g.Sum(m => new YearMarks(year, m.Marks).Count(term.Start, today).Attended));

        return ChronicAbsenceBreakdown.Count(children.Select(c => new ChronicAbsenceCase(
            ChronicAbsenceBreakdown.PlanOf(c.Lead || c.FamilyPlan, c.Plan || c.FamilyPlan, c.SchoolPlan),
            attended.GetValueOrDefault(c.Id) == 0,
            c.Ehc,
            c.DateOfBirth)), year);
    }
}
