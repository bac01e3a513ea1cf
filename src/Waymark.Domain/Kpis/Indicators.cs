using Waymark.Domain.Schools;

namespace Waymark.Domain.Kpis;

/// <summary>
/// The LA's indicator set (seed 002's strategy targets), each defined once. Attendance indicators follow DfE's
/// absence statistics (standards §2.2, <c>Attendance/CohortFigures</c>); suspension and permanent exclusion rates
/// follow DfE's "Pupil exclusion statistics: methodology" (explore-education-statistics.service.gov.uk):
/// the number of suspensions (or permanent exclusions) per 100 pupils on roll.
/// </summary>
public static class Indicators
{
    private const string AbsenceCohort =
        "Enrolments of pupils aged 5 to 15 on the 31 August before the academic year, with at least one possible session, at the LA's schools of the phase";

    private const string AbsenceSource = "DfE, Pupil absence in schools in England: methodology (absence statistics)";

    private const string ExclusionSource = "DfE, Pupil exclusion statistics: methodology (rates per 100 pupils on roll)";

    public static readonly Indicator OverallAbsence = new(
        "overall-absence", "Overall absence rate",
        "Sessions missed through authorised or unauthorised absence",
        "Possible sessions",
        AbsenceCohort, "Academic year (to date in the current year)",
        "The percentage of possible sessions (half days) that pupils missed, for any reason, authorised or not.",
        AbsenceSource, IndicatorUnit.Percent, Direction.LowerIsBetter, ByPhase: true);

    public static readonly Indicator PersistentAbsence = new(
        "persistent-absence", "Persistent absence rate",
        "Enrolments absent for 10% or more of their own possible sessions",
        "Enrolments",
        AbsenceCohort, "Academic year (to date in the current year)",
        "The percentage of pupils who missed 10% or more of their possible sessions: one day a fortnight or more.",
        AbsenceSource, IndicatorUnit.Percent, Direction.LowerIsBetter, ByPhase: true);

    public static readonly Indicator SevereAbsence = new(
        "severe-absence", "Severe absence rate",
        "Enrolments absent for 50% or more of their own possible sessions",
        "Enrolments",
        AbsenceCohort, "Academic year (to date in the current year)",
        "The percentage of pupils who missed half or more of their possible sessions.",
        AbsenceSource, IndicatorUnit.Percent, Direction.LowerIsBetter, ByPhase: true);

    public static readonly Indicator SuspensionRate = new(
        "suspension-rate", "Suspension rate",
        "Suspensions starting in the year (each suspension counted, so a pupil suspended twice counts twice)",
        "Pupils on roll at the LA's schools of the phase at any time in the year, counted once per school",
        "Pupils on roll at the LA's schools of the phase", "Academic year",
        "Suspensions (fixed-period exclusions) per 100 pupils on roll.",
        ExclusionSource, IndicatorUnit.PerHundredPupils, Direction.LowerIsBetter, ByPhase: true);

    public static readonly Indicator PermanentExclusionRate = new(
        "permanent-exclusion-rate", "Permanent exclusion rate",
        "Permanent exclusions starting in the year",
        "Pupils on roll at the LA's schools of the phase at any time in the year, counted once per school",
        "Pupils on roll at the LA's schools of the phase", "Academic year",
        "Permanent exclusions per 100 pupils on roll.",
        ExclusionSource, IndicatorUnit.PerHundredPupils, Direction.LowerIsBetter, ByPhase: true);

    public static readonly Indicator ReducedTimetablesStarted = new(
        "reduced-timetables", "Pupils starting a reduced timetable",
        "Pupils with a reduced timetable starting in the term (each pupil once a term)",
        null,
        "Pupils at the LA's schools", "Each school term; the year's figure is the sum of its terms",
        "How many pupils were put on a reduced (part-time) timetable in the term.",
        "The LA's strategy (seed 002): reduce the number of children on reduced timetables", IndicatorUnit.Count, Direction.LowerIsBetter, ByPhase: false);

    /// <summary>Every indicator, in the order the dashboard lists them.</summary>
    public static readonly IReadOnlyList<Indicator> All =
        [OverallAbsence, PersistentAbsence, SevereAbsence, SuspensionRate, PermanentExclusionRate, ReducedTimetablesStarted];

    /// <summary>The phases the by-phase indicators are reported for, as DfE's state-funded primary and secondary.</summary>
    public static readonly IReadOnlyList<SchoolPhase> ReportedPhases = [SchoolPhase.Primary, SchoolPhase.Secondary];

    public static Indicator? Find(string? code) => All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// The reported phase a school's GIAS phase counts under: middle-deemed and all-through schools are counted
    /// with the phase DfE deems them (all-through as secondary, as DfE's tables do); others are not reported by phase.
    /// </summary>
    public static SchoolPhase? ReportedPhaseOf(SchoolPhase phase) => phase switch
    {
        SchoolPhase.Primary or SchoolPhase.MiddleDeemedPrimary => SchoolPhase.Primary,
        SchoolPhase.Secondary or SchoolPhase.MiddleDeemedSecondary or SchoolPhase.AllThrough => SchoolPhase.Secondary,
        _ => null,
    };
}
