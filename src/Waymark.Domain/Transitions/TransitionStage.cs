namespace Waymark.Domain.Transitions;

/// <summary>Where a child is in the programme, from proposal to the Year 7 follow-up.</summary>
public enum TransitionStage
{
    Proposed,
    Confirmed,
    ProfileInProgress,
    ProfileComplete,
    Shared,
    Acknowledged,
    InYear7,
    FollowedUp,
    Removed,
}

/// <summary>The facts the stage is worked out from; nothing else decides it.</summary>
public sealed record TransitionFacts(
    CohortDecision Decision,
    int SectionsStarted,
    int SectionsComplete,
    bool ShareActive,
    bool Acknowledged,
    bool HasMoved,
    bool EndOfTermReviewDone);

public static class TransitionStages
{
    public static TransitionStage Of(TransitionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts switch
        {
            { Decision: CohortDecision.Removed } => TransitionStage.Removed,
            { Decision: CohortDecision.Proposed } => TransitionStage.Proposed,
            { HasMoved: true, EndOfTermReviewDone: true } => TransitionStage.FollowedUp,
            { HasMoved: true } => TransitionStage.InYear7,
            { ShareActive: true, Acknowledged: true } => TransitionStage.Acknowledged,
            { ShareActive: true } => TransitionStage.Shared,
            _ when facts.SectionsComplete >= ProfileSections.All.Count => TransitionStage.ProfileComplete,
            _ when facts.SectionsStarted > 0 => TransitionStage.ProfileInProgress,
            _ => TransitionStage.Confirmed,
        };
    }

    public static string DisplayName(TransitionStage stage) => stage switch
    {
        TransitionStage.Proposed => "Proposed",
        TransitionStage.Confirmed => "In cohort",
        TransitionStage.ProfileInProgress => "Profile in progress",
        TransitionStage.ProfileComplete => "Profile complete",
        TransitionStage.Shared => "Shared with secondary",
        TransitionStage.Acknowledged => "Received by secondary",
        TransitionStage.InYear7 => "In Year 7",
        TransitionStage.FollowedUp => "Followed up",
        TransitionStage.Removed => "Removed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>GOV.UK tag colour for the stage.</summary>
    public static string TagClass(TransitionStage stage) => stage switch
    {
        TransitionStage.Proposed => "govuk-tag--yellow",
        TransitionStage.Confirmed => "govuk-tag--grey",
        TransitionStage.ProfileInProgress => "govuk-tag--light-blue",
        TransitionStage.ProfileComplete => "govuk-tag--blue",
        TransitionStage.Shared => "govuk-tag--purple",
        TransitionStage.Acknowledged => "govuk-tag--turquoise",
        TransitionStage.InYear7 => "govuk-tag--orange",
        TransitionStage.FollowedUp => "govuk-tag--green",
        TransitionStage.Removed => "govuk-tag--red",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };
}
