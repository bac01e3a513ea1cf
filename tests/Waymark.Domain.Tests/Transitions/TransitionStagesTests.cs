using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class TransitionStagesTests
{
    private static readonly TransitionFacts Confirmed = new(CohortDecision.Confirmed, 0, 0, false, false, false, false);

    [Fact]
    public void A_proposal_waits_for_the_LA_whatever_else_is_true() =>
        Assert.Equal(TransitionStage.Proposed, TransitionStages.Of(Confirmed with { Decision = CohortDecision.Proposed, SectionsStarted = 3 }));

    [Fact]
    public void A_removed_child_is_removed_even_after_the_move() =>
        Assert.Equal(TransitionStage.Removed, TransitionStages.Of(Confirmed with { Decision = CohortDecision.Removed, HasMoved = true }));

    [Fact]
    public void The_profile_stages_follow_the_sections()
    {
        Assert.Equal(TransitionStage.Confirmed, TransitionStages.Of(Confirmed));
        Assert.Equal(TransitionStage.ProfileInProgress, TransitionStages.Of(Confirmed with { SectionsStarted = 1 }));
        Assert.Equal(TransitionStage.ProfileInProgress, TransitionStages.Of(Confirmed with { SectionsStarted = 11, SectionsComplete = 10 }));
        Assert.Equal(TransitionStage.ProfileComplete, TransitionStages.Of(Confirmed with { SectionsStarted = 11, SectionsComplete = 11 }));
    }

    [Fact]
    public void Sharing_and_acknowledgement_come_after_the_profile()
    {
        Assert.Equal(TransitionStage.Shared, TransitionStages.Of(Confirmed with { SectionsStarted = 2, ShareActive = true }));
        Assert.Equal(TransitionStage.Acknowledged, TransitionStages.Of(Confirmed with { ShareActive = true, Acknowledged = true }));

        // An acknowledgement of a share since ended no longer counts.
        Assert.Equal(TransitionStage.Confirmed, TransitionStages.Of(Confirmed with { Acknowledged = true }));
    }

    [Fact]
    public void After_the_move_the_child_is_in_year_7_until_the_end_of_term_review()
    {
        Assert.Equal(TransitionStage.InYear7, TransitionStages.Of(Confirmed with { HasMoved = true, ShareActive = true, Acknowledged = true }));
        Assert.Equal(TransitionStage.FollowedUp, TransitionStages.Of(Confirmed with { HasMoved = true, EndOfTermReviewDone = true }));
    }

    [Fact]
    public void Every_stage_has_a_name_and_a_colour()
    {
        var stages = Enum.GetValues<TransitionStage>();

        Assert.Equal(stages.Length, stages.Select(TransitionStages.DisplayName).Distinct().Count());
        Assert.All(stages, s => Assert.StartsWith("govuk-tag--", TransitionStages.TagClass(s), StringComparison.Ordinal));
    }
}
