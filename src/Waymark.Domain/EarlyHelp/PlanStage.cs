namespace Waymark.Domain.EarlyHelp;

/// <summary>Where a Family Early Help Plan is in its life.</summary>
public enum PlanStage
{
    /// <summary>Consent is recorded; the family, their scores and the action plan are being put together.</summary>
    Assessment,

    /// <summary>The plan is agreed with the family and reviewed by the Team Around the Family at least every six weeks.</summary>
    Active,

    /// <summary>Tier 3: an inter-agency contact form went to MASH and the plan waits for its answer.</summary>
    WithMash,

    /// <summary>MASH took the family on (early help and prevention, or statutory services): this plan ends.</summary>
    SteppedUp,

    Closed,
}

/// <summary>The LA's thresholds: Tier 2 needs are met by an early help plan; Tier 3 goes to MASH with the assessment (002:L2590-L2594).</summary>
public enum TierOfNeed
{
    Tier2 = 2,
    Tier3 = 3,
}

/// <summary>What came back from MASH after a Tier 3 contact.</summary>
public enum MashOutcome
{
    /// <summary>Referred on to early help and prevention or statutory services: the plan steps up.</summary>
    SteppedUp,

    /// <summary>The Tier 2 co-ordinator confirmed the plan should continue.</summary>
    PlanContinues,
}

/// <summary>The next step a review decides (002:L6660-L6700).</summary>
public enum ReviewNextStep
{
    /// <summary>Continue with early help support: a new action plan agreed at the meeting.</summary>
    Continue,

    /// <summary>Close the plan, for one of the <see cref="ClosureReason"/>s.</summary>
    Close,

    /// <summary>Request support from a statutory agency through MASH in light of significant new information.</summary>
    RequestMash,
}

public enum ClosureReason
{
    ConsentWithdrawn,

    /// <summary>The family moved out of the area: with consent, the plan goes with the transfer records to the new school or setting.</summary>
    MovedOutOfArea,

    /// <summary>Needs can be met by universal services: the family keeps a maintenance plan.</summary>
    NeedsMetByUniversalServices,

    /// <summary>MASH took the family on.</summary>
    SteppedUp,
}

public static class PlanText
{
    public static string Stage(PlanStage stage) => stage switch
    {
        PlanStage.Assessment => "Assessment",
        PlanStage.Active => "Active",
        PlanStage.WithMash => "With MASH",
        PlanStage.SteppedUp => "Stepped up",
        PlanStage.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string Tier(TierOfNeed tier) => tier == TierOfNeed.Tier2 ? "Tier 2" : "Tier 3";

    public static string Closure(ClosureReason reason) => reason switch
    {
        ClosureReason.ConsentWithdrawn => "Consent withdrawn",
        ClosureReason.MovedOutOfArea => "Family moved out of the area",
        ClosureReason.NeedsMetByUniversalServices => "Needs met by universal services",
        ClosureReason.SteppedUp => "Stepped up to MASH",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string NextStep(ReviewNextStep step) => step switch
    {
        ReviewNextStep.Continue => "Continue with a new action plan",
        ReviewNextStep.Close => "Close the plan",
        ReviewNextStep.RequestMash => "Request support from MASH",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static bool IsOpen(PlanStage stage) => stage is PlanStage.Assessment or PlanStage.Active or PlanStage.WithMash;
}
