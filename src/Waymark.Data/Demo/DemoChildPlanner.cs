using Bogus;

namespace Waymark.Data.Demo;

internal enum ChildCategory : byte
{
    /// <summary>On the roll of a mainstream school.</summary>
    OnRoll,

    /// <summary>On the roll of a special school.</summary>
    Special,

    /// <summary>Permanently excluded and now single-registered at a pupil referral unit.</summary>
    ExcludedToAp,

    /// <summary>Left the area: every enrolment and episode has ended.</summary>
    MovedAway,

    /// <summary>Deregistered for elective home education.</summary>
    HomeEducated,

    /// <summary>Left a school and not known to be anywhere (child missing education).</summary>
    MissingEducation,

    /// <summary>Left school after Year 11, 12 or 13 (includes care leavers).</summary>
    LeftAfterSixteen,
}

internal enum SocialCare : byte
{
    None,
    ChildInNeed,
    ChildProtection,
    LookedAfter,
}

internal enum SenLevel : byte
{
    None,
    SenSupport,
    EhcPlan,
}

/// <summary>
/// The few facts about a child decided before any child is built, so that LA-wide choices (who is
/// on the demo social worker's caseload, the transition cohort at the demo primary) can be made
/// without holding every child in memory.
/// </summary>
internal struct ChildPlan
{
    public ChildCategory Category;

    /// <summary>NC year in the current academic year (0 = Reception … 14).</summary>
    public sbyte Year;

    /// <summary>Index of the current school in <see cref="DemoSchools.All"/>; -1 when not on a roll.</summary>
    public short School;

    public SocialCare SocialCare;

    public SenLevel Sen;

    public bool EarlyHelp;

    public bool YoungCarer;

    public bool DualRegistered;

    /// <summary>The demo social worker account is this child's current social worker.</summary>
    public bool DemoCaseload;

    /// <summary>The current social care plan began before this academic year (so it covered the child's Year 6).</summary>
    public bool SocialCareBeforeThisYear;
}

internal static class DemoChildPlanner
{
    public const int DemoCaseloadSize = 25;
    public const int DemoCaseloadTransitionCohort = 10;
    public const int MinimumCohortPerYearAtFirstPrimary = 3;
    public const int MinimumYear7CohortAtFirstSecondary = 4;
    public const int MinimumCareLeavers = 3;

    private static readonly WeightedTable<ChildCategory> Categories = new(
        (ChildCategory.OnRoll, 100 - 0.7 - 0.05 - 0.5 - 0.2 - 0.1 - 0.35),
        (ChildCategory.Special, 0.7),
        (ChildCategory.ExcludedToAp, 0.05),
        (ChildCategory.MovedAway, 0.5),
        (ChildCategory.HomeEducated, 0.2),
        (ChildCategory.MissingEducation, 0.1),
        (ChildCategory.LeftAfterSixteen, 0.35));

    // Year groups on a school roll: slightly smaller in younger years (falling births), and only
    // some young people stay at school for Years 12 and 13.
    private static readonly WeightedTable<int> OnRollYears = new(
        [.. Enumerable.Range(0, 12).Select(y => (y, 0.94 + 0.005 * y)), (12, 0.42), (13, 0.38)]);

    private static readonly WeightedTable<int> SpecialYears = new(
        [.. Enumerable.Range(0, 14).Select(y => (y, y switch { <= 1 => 0.5, <= 6 => 0.9, <= 11 => 1.2, _ => 0.8 }))]);

    private static readonly WeightedTable<int> ExcludedYears = new((8, 1), (9, 2), (10, 3), (11, 3));

    private static readonly WeightedTable<int> MovedYears = new(
        [.. Enumerable.Range(1, 13).Select(y => (y, y >= 12 ? 0.4 : 1.0))]);

    private static readonly WeightedTable<int> OffRollYears = new(
        [.. Enumerable.Range(1, 11).Select(y => (y, y switch { <= 6 => 0.6, 7 => 0.8, 8 => 1.0, 9 => 1.3, 10 => 1.5, _ => 1.3 }))]);

    private static readonly WeightedTable<int> PostSixteenYears = new((12, 1), (13, 1), (14, 1));

    public static ChildPlan[] Plan(int pupils, DemoSchools schools, Randomizer random)
    {
        var plans = new ChildPlan[pupils];
        for (var i = 0; i < pupils; i++)
        {
            plans[i] = PlanOne(schools, random);
        }

        EnsureTransitionCohortAtFirstPrimary(plans, schools);
        EnsureYear7CohortAtFirstSecondary(plans, schools);
        EnsureCareLeavers(plans);
        ChooseDemoCaseload(plans, schools);
        return plans;
    }

    private static ChildPlan PlanOne(DemoSchools schools, Randomizer random)
    {
        var p = new ChildPlan { Category = Categories.Pick(random), School = -1 };
        p.Year = (sbyte)(p.Category switch
        {
            ChildCategory.OnRoll => OnRollYears,
            ChildCategory.Special => SpecialYears,
            ChildCategory.ExcludedToAp => ExcludedYears,
            ChildCategory.MovedAway => MovedYears,
            ChildCategory.LeftAfterSixteen => PostSixteenYears,
            _ => OffRollYears,
        }).Pick(random);

        p.School = (short)(p.Category switch
        {
            ChildCategory.OnRoll => (p.Year switch
            {
                <= 6 => schools.Primaries,
                <= 11 => schools.Secondaries,
                _ => schools.SixthForms,
            }).Pick(random).Index,
            ChildCategory.Special => schools.Specials.Pick(random).Index,
            ChildCategory.ExcludedToAp => schools.AlternativeProvision.Pick(random).Index,
            _ => -1,
        });

        var transitionCohort = p.Year is 5 or 6;
        var (inNeed, protection, lookedAfter) = p.Category switch
        {
            // Years 5 and 6 are raised to about 5% CIN or CP: the transition programme's cohort.
            ChildCategory.OnRoll => transitionCohort ? (0.038, 0.012, 0.006) : (0.011, 0.003, 0.006),
            ChildCategory.Special => transitionCohort ? (0.038, 0.012, 0.025) : (0.03, 0.008, 0.025),
            ChildCategory.ExcludedToAp => (0.15, 0.05, 0.08),
            ChildCategory.MovedAway => (0.02, 0.005, 0.005),
            ChildCategory.HomeEducated => (0.05, 0.01, 0.0),
            ChildCategory.MissingEducation => (0.2, 0.05, 0.0),
            _ => p.Year == 14 ? (0.0, 0.0, 0.25) : (0.03, 0.0, 0.06),
        };
        var roll = random.Double();
        p.SocialCare = roll < inNeed ? SocialCare.ChildInNeed
            : roll < inNeed + protection ? SocialCare.ChildProtection
            : roll < inNeed + protection + lookedAfter ? SocialCare.LookedAfter
            : SocialCare.None;

        var (ehcp, senSupport) = p.Category switch
        {
            ChildCategory.Special => (1.0, 0.0),
            ChildCategory.ExcludedToAp => (0.15, 0.45),
            _ => p.SocialCare switch
            {
                SocialCare.LookedAfter => (0.25, 0.30),
                SocialCare.None => (0.0045, 0.0135),
                _ => (0.10, 0.22),
            },
        };
        roll = random.Double();
        p.Sen = roll < ehcp ? SenLevel.EhcPlan : roll < ehcp + senSupport ? SenLevel.SenSupport : SenLevel.None;

        if (p.Category == ChildCategory.OnRoll)
        {
            p.EarlyHelp = p.SocialCare == SocialCare.None && random.Chance(0.008);
            p.YoungCarer = p.Year >= 2 && random.Chance(0.0035);
            p.DualRegistered = p.Year is >= 8 and <= 11 && random.Chance(0.004);
        }

        return p;
    }

    private static bool IsTransitionCohort(in ChildPlan p) =>
        p.Year is 5 or 6 && p.SocialCare is SocialCare.ChildInNeed or SocialCare.ChildProtection
        && p.Category is ChildCategory.OnRoll or ChildCategory.Special;

    /// <summary>The demo Transition Lead always has some Year 5 and Year 6 children with a plan to work with.</summary>
    private static void EnsureTransitionCohortAtFirstPrimary(ChildPlan[] plans, DemoSchools schools)
    {
        var first = (short)schools.FirstPrimary.Index;
        foreach (var year in new sbyte[] { 5, 6 })
        {
            var have = 0;
            for (var i = 0; i < plans.Length; i++)
            {
                if (plans[i].School == first && plans[i].Year == year && IsTransitionCohort(plans[i]))
                {
                    have++;
                }
            }

            for (var i = 0; i < plans.Length && have < MinimumCohortPerYearAtFirstPrimary; i++)
            {
                ref var p = ref plans[i];
                if (p.School == first && p.Year == year && p.Category == ChildCategory.OnRoll && p.SocialCare == SocialCare.None)
                {
                    p.SocialCare = have == 0 ? SocialCare.ChildInNeed : SocialCare.ChildProtection;
                    p.EarlyHelp = false;
                    have++;
                }
            }
        }
    }

    /// <summary>
    /// The demo secondary's Transition Lead always has a few Year 7 children from last year's cohort to
    /// follow up: children with a plan that began before this year, so it covered their Year 6.
    /// </summary>
    private static void EnsureYear7CohortAtFirstSecondary(ChildPlan[] plans, DemoSchools schools)
    {
        var first = (short)schools.FirstSecondary.Index;
        static bool AtSchool(in ChildPlan p, short school) => p.School == school && p.Year == 7 && p.Category == ChildCategory.OnRoll;

        var have = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            ref var p = ref plans[i];
            if (AtSchool(p, first) && p.SocialCare is SocialCare.ChildInNeed or SocialCare.ChildProtection)
            {
                p.SocialCareBeforeThisYear = true;
                have++;
            }
        }

        for (var i = 0; i < plans.Length && have < MinimumYear7CohortAtFirstSecondary; i++)
        {
            ref var p = ref plans[i];
            if (AtSchool(p, first) && p.SocialCare == SocialCare.None)
            {
                p.SocialCare = have % 2 == 0 ? SocialCare.ChildInNeed : SocialCare.ChildProtection;
                p.SocialCareBeforeThisYear = true;
                p.EarlyHelp = false;
                have++;
            }
        }
    }

    /// <summary>A few care leavers (18 and over) even in small runs.</summary>
    private static void EnsureCareLeavers(ChildPlan[] plans)
    {
        static bool Candidate(in ChildPlan p) => p.Category == ChildCategory.LeftAfterSixteen && p.Year == 14;

        var have = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            if (Candidate(plans[i]) && plans[i].SocialCare == SocialCare.LookedAfter)
            {
                have++;
            }
        }

        for (var i = 0; i < plans.Length && have < MinimumCareLeavers; i++)
        {
            if (Candidate(plans[i]) && plans[i].SocialCare != SocialCare.LookedAfter)
            {
                plans[i].SocialCare = SocialCare.LookedAfter;
                have++;
            }
        }
    }

    /// <summary>
    /// About 25 children for the demo social worker: the Year 5/6 cohort at the demo primary first
    /// (so the social worker and the Transition Lead share children), then other Year 5/6 children,
    /// then anyone else with a current plan.
    /// </summary>
    private static void ChooseDemoCaseload(ChildPlan[] plans, DemoSchools schools)
    {
        var first = (short)schools.FirstPrimary.Index;
        var chosen = 0;

        void Take(Func<ChildPlan, bool> rule, int limit)
        {
            for (var i = 0; i < plans.Length && chosen < limit; i++)
            {
                ref var p = ref plans[i];
                if (!p.DemoCaseload && Eligible(p) && rule(p))
                {
                    p.DemoCaseload = true;
                    chosen++;
                }
            }
        }

        Take(p => IsTransitionCohort(p) && p.School == first, DemoCaseloadTransitionCohort);
        Take(p => IsTransitionCohort(p), DemoCaseloadTransitionCohort);
        Take(p => p.Year is not (5 or 6), DemoCaseloadSize);
        Take(_ => true, DemoCaseloadSize);
    }

    /// <summary>Someone with a social care plan that lasts to today (not moved away, not aged out).</summary>
    private static bool Eligible(in ChildPlan p) =>
        p.SocialCare != SocialCare.None && p.Year <= 12
        && p.Category is not (ChildCategory.MovedAway or ChildCategory.LeftAfterSixteen);
}
