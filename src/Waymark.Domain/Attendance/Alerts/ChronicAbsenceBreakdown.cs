using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Domain.Attendance.Alerts;

/// <summary>Whether a chronically absent child has the plan and Lead Professional the LA expects (002:L217-L223, L311-L317).</summary>
public enum ChronicAbsencePlan
{
    /// <summary>A Lead Professional (or social worker) and a current multi-agency plan: early help, CIN, CP or looked after.</summary>
    LeadProfessionalWithPlan,

    /// <summary>Only the school's own attendance support plan.</summary>
    SchoolLedPlanOnly,

    NoPlan,
}

/// <summary>One chronically absent child, as the breakdown needs them.</summary>
public sealed record ChronicAbsenceCase(ChronicAbsencePlan Plan, bool ZeroAttendanceThisTerm, bool HasEhcPlan, DateOnly DateOfBirth);

/// <summary>The counts the LA reports for its chronically absent children.</summary>
public sealed record ChronicAbsenceCounts(
    int Children,
    int LeadProfessionalWithPlan,
    int SchoolLedPlanOnly,
    int NoPlan,
    int ZeroAttendance,
    int EhcPlan,
    int UnderEleven,
    int SecondaryAge)
{
    /// <summary>The LA's target measure (44% → 100% in the strategy): share with a Lead Professional and a plan.</summary>
    public decimal? LeadProfessionalWithPlanPercent => Rates.Percent(LeadProfessionalWithPlan, Children);
}

public static class ChronicAbsenceBreakdown
{
    /// <summary>The statuses that are a plan led by a Lead Professional or social worker.</summary>
    public static readonly IReadOnlySet<ChildStatusType> PlanStatuses = new HashSet<ChildStatusType>
    {
        ChildStatusType.EarlyHelp, ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter,
    };

    /// <summary>The key people who count as a Lead Professional for a plan.</summary>
    public static bool IsLeadProfessional(KeyPersonRole role) => role is KeyPersonRole.LeadProfessional or KeyPersonRole.SocialWorker;

    /// <summary>
    /// A Lead Professional with a plan needs both a current Lead Professional (or social worker) and a current plan
    /// status; without that, a current school attendance support plan makes it school-led; otherwise no plan.
    /// </summary>
    public static ChronicAbsencePlan PlanOf(bool hasLeadProfessional, bool hasMultiAgencyPlan, bool hasSchoolSupportPlan) =>
        hasLeadProfessional && hasMultiAgencyPlan ? ChronicAbsencePlan.LeadProfessionalWithPlan
        : hasSchoolSupportPlan ? ChronicAbsencePlan.SchoolLedPlanOnly
        : ChronicAbsencePlan.NoPlan;

    /// <summary>
    /// Under 11 or of secondary age, by age on the 31 August before the academic year, as year groups are set:
    /// under 11 is Reception to Year 6, 11 and over is Year 7 onwards.
    /// </summary>
    public static bool IsUnderEleven(DateOnly dateOfBirth, AcademicYear year)
    {
        var on = year.Start.AddDays(-1);
        return dateOfBirth > on || Age.On(dateOfBirth, on) < 11;
    }

    public static ChronicAbsenceCounts Count(IEnumerable<ChronicAbsenceCase> cases, AcademicYear year)
    {
        ArgumentNullException.ThrowIfNull(cases);
        int children = 0, lead = 0, school = 0, none = 0, zero = 0, ehc = 0, under = 0;
        foreach (var c in cases)
        {
            children++;
            switch (c.Plan)
            {
                case ChronicAbsencePlan.LeadProfessionalWithPlan: lead++; break;
                case ChronicAbsencePlan.SchoolLedPlanOnly: school++; break;
                default: none++; break;
            }

            zero += c.ZeroAttendanceThisTerm ? 1 : 0;
            ehc += c.HasEhcPlan ? 1 : 0;
            under += IsUnderEleven(c.DateOfBirth, year) ? 1 : 0;
        }

        return new ChronicAbsenceCounts(children, lead, school, none, zero, ehc, under, children - under);
    }
}

/// <summary>Who may mark an alert handled: the LA any alert; school staff the school's; social workers their own.</summary>
public static class AlertHandling
{
    /// <summary>
    /// The alerts worklist is for those who act on alerts. The SEN team handles none (a SEND child's attendance is on
    /// their record), so it is refused the worklist, as are roles that open no records.
    /// </summary>
    public static bool CanSeeWorklist(DataScope scope) => scope is DataScope.LocalAuthority or DataScope.School or DataScope.Caseload;

    public static bool CanHandle(DataScope scope, AlertOwner owner) => scope switch
    {
        DataScope.LocalAuthority => true,
        DataScope.School => owner == AlertOwner.School,
        DataScope.Caseload => owner == AlertOwner.SocialWorker,
        _ => false,
    };

    public static string DisplayName(AlertOwner owner) => owner switch
    {
        AlertOwner.School => "School",
        AlertOwner.LocalAuthority => "LA attendance service",
        AlertOwner.SocialWorker => "Social worker",
        AlertOwner.VirtualSchool => "Virtual school",
        _ => owner.ToString(),
    };

    public static string DisplayName(AlertKind kind) => kind switch
    {
        AlertKind.ChronicAbsence => "Chronic absence",
        AlertKind.PersistentAbsence => "Persistent absence",
        AlertKind.SevereAbsence => "Severe absence",
        AlertKind.AttendanceFall => "Fall in attendance",
        AlertKind.UnexplainedMarkNotReplaced => "N marks not replaced",
        AlertKind.PossiblyMissingEducation => "Possibly missing education",
        AlertKind.ExtendedIllness => "Fifteen days of illness",
        AlertKind.UnauthorisedAbsenceThreshold => "Penalty-notice threshold",
        AlertKind.SuspensionOfVulnerableChild => "Suspension of a vulnerable child",
        AlertKind.SuspensionLimit => "Suspension limit",
        AlertKind.AlternativeProvisionDue => "Alternative provision due",
        AlertKind.ReducedTimetableOverSixWeeks => "Reduced timetable over six weeks",
        AlertKind.ReducedTimetableWithoutPlan => "Reduced timetable without a plan",
        AlertKind.ReducedTimetableReviewOverdue => "Reduced timetable review overdue",
        AlertKind.ReducedTimetableSocialWorkerNotInformed => "Social worker not told of reduced timetable",
        AlertKind.PartTimeMarksWithoutTimetable => "C2 marks without a reduced timetable",
        _ => kind.ToString(),
    };

    /// <summary>The kinds the attendance marks raise; the rest come from suspensions and reduced timetables.</summary>
    public static readonly IReadOnlySet<AlertKind> FromMarks = new HashSet<AlertKind>
    {
        AlertKind.ChronicAbsence, AlertKind.PersistentAbsence, AlertKind.SevereAbsence, AlertKind.AttendanceFall,
        AlertKind.UnexplainedMarkNotReplaced, AlertKind.PossiblyMissingEducation, AlertKind.ExtendedIllness,
        AlertKind.UnauthorisedAbsenceThreshold,
    };
}
