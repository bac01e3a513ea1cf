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

    private const string StrategySource = "The LA's strategy (seed 002, section G: focus on chronic absence)";

    /// <summary>Seed 002 calls attendance below 50% "chronic non-attendance": DfE's severe absence, counted as pupils.</summary>
    public static readonly Indicator ChronicallyAbsent = new(
        "chronically-absent", "Chronically absent pupils",
        "Enrolments absent for 50% or more of their own possible sessions (attendance below 50%)",
        null,
        AbsenceCohort, "Academic year (to date in the current year)",
        "How many pupils attended less than half of their possible sessions: chronic non-attendance.",
        StrategySource, IndicatorUnit.Count, Direction.LowerIsBetter, ByPhase: false);

    public static readonly Indicator ChronicAbsenceLeadProfessionalAndPlan = new(
        "chronic-absence-plans", "Chronically absent pupils with a Lead Professional and a plan",
        "Chronically absent enrolments whose child, on the day, has a named Lead Professional and a plan: an agreed, open Family " +
        "Early Help Plan with its Lead Professional, or an open children's social care case (child in need, child protection, " +
        "looked after) with an allocated social worker (or a key person recorded as their Lead Professional)",
        "Chronically absent enrolments (attendance below 50%)",
        AbsenceCohort, "Academic year (to date in the current year); plans and Lead Professionals as they stand on the day",
        "The share of chronically absent pupils who have a named Lead Professional and a plan in place, through early help or tier 3 and 4 services.",
        StrategySource + ": every chronically absent child to have a named Lead Professional and a plan", IndicatorUnit.Percent,
        Direction.HigherIsBetter, ByPhase: false);

    public static readonly Indicator TransitionPassportsShared = new(
        "transition-passports-shared", "Transition cohort with a shared passport",
        "Children in the year's transition cohort whose Transition Passport has been shared with their secondary school",
        "Children confirmed in the transition cohort of the year (in Year 6 that year)",
        "Children confirmed in the transition cohort, by their primary school", "Academic year of Year 6 (shared so far in the current year)",
        "The share of the transition cohort whose Transition Passport (with the shareable profile sections) reached the secondary school.",
        "The transition programme (seed 000): a Transition Passport for every child in the cohort", IndicatorUnit.Percent,
        Direction.HigherIsBetter, ByPhase: false);

    public static readonly Indicator EarlyHelpReviewsOnTime = new(
        "early-help-reviews-on-time", "Early help plan reviews on time",
        "Reviews due in the year that the Team Around the Family held on or before the day they were due",
        "Reviews of agreed, open Family Early Help Plans falling due in the year (to date): six weeks after the plan was agreed or the last review",
        "Family Early Help Plans, by the school leading the plan", "Academic year (reviews falling due to date in the current year)",
        "The share of early help plan reviews held on time: the Team Around the Family meets at least every six weeks.",
        "Family Early Help Plan guidance (seed 002): the Team Around the Family reviews the plan at least every six weeks",
        IndicatorUnit.Percent, Direction.HigherIsBetter, ByPhase: false, PerChild: false);

    private const string SendSource = "SEND Code of Practice 0 to 25 (2015) and the SEND Regulations 2014; DfE's SEN2 return";

    public static readonly Indicator EhcPlansWithin20Weeks = new(
        "ehc-plans-20-weeks", "EHC plans issued within 20 weeks",
        "Final EHC plans issued in the year within 20 weeks of the request for assessment",
        "Final EHC plans issued in the year, leaving out those where an exception to the timescale was recorded (reg 13(3))",
        "Children whose final plan was issued in the year, by the school they were on roll at that day (none for a child not at school)",
        "Academic year (plans issued to date in the current year)",
        "The share of new EHC plans issued within the statutory 20 weeks of the request, exception cases left out as SEN2 does.",
        SendSource, IndicatorUnit.Percent, Direction.HigherIsBetter, ByPhase: false);

    public static readonly Indicator PhaseTransfersAmendedInTime = new(
        "phase-transfers-amended", "Phase transfers amended by the deadline",
        "Phase transfers whose EHC plan was amended, naming the new school, on or before the deadline",
        "Phase transfers whose deadline (15 February of the calendar year of transfer; 31 March for post-16) fell in the year and has passed",
        "Children with an EHC plan due a phase transfer, by the school they were on roll at on the deadline",
        "Academic year of the deadline (deadlines passed to date in the current year)",
        "The share of children moving phase whose EHC plan was reviewed and amended to name their new school by the statutory deadline.",
        SendSource + " (reg 18)", IndicatorUnit.Percent, Direction.HigherIsBetter, ByPhase: false);

    /// <summary>Every indicator, in the order the dashboard lists them.</summary>
    public static readonly IReadOnlyList<Indicator> All =
    [
        OverallAbsence, PersistentAbsence, SevereAbsence, SuspensionRate, PermanentExclusionRate, ReducedTimetablesStarted,
        ChronicallyAbsent, ChronicAbsenceLeadProfessionalAndPlan, TransitionPassportsShared, EarlyHelpReviewsOnTime,
        EhcPlansWithin20Weeks, PhaseTransfersAmendedInTime,
    ];

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
