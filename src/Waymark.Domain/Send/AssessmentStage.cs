namespace Waymark.Domain.Send;

/// <summary>Where an EHC needs assessment stands, from the request to the final plan (or a decision to stop).</summary>
public enum AssessmentStage
{
    /// <summary>Requested: the LA must say within 6 weeks whether it will assess.</summary>
    AwaitingDecision,

    /// <summary>The LA decided not to assess: the clock stops (the family may appeal).</summary>
    NotAssessing,

    /// <summary>Assessing: advice being gathered; the final plan is due 20 weeks after the request.</summary>
    Assessing,

    /// <summary>The draft plan has been sent; the family has 15 days to comment.</summary>
    DraftSent,

    /// <summary>The LA decided after assessing not to issue a plan (reg 10, by 16 weeks): the clock stops.</summary>
    NoPlan,

    /// <summary>The final plan was issued: the clock stops, and annual reviews begin.</summary>
    PlanIssued,
}

public enum AssessmentDecision
{
    Assess,
    NotAssess,
}

public static class AssessmentStages
{
    public static string DisplayName(AssessmentStage stage) => stage switch
    {
        AssessmentStage.AwaitingDecision => "Awaiting decision to assess",
        AssessmentStage.NotAssessing => "Decided not to assess",
        AssessmentStage.Assessing => "Assessing",
        AssessmentStage.DraftSent => "Draft plan sent",
        AssessmentStage.NoPlan => "Decided not to issue a plan",
        AssessmentStage.PlanIssued => "Final plan issued",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown assessment stage."),
    };

    /// <summary>Stages at which the statutory clock has stopped.</summary>
    public static bool IsClosed(AssessmentStage stage) => stage is AssessmentStage.NotAssessing or AssessmentStage.NoPlan or AssessmentStage.PlanIssued;
}
