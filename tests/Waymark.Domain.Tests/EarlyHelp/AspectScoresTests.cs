using Waymark.Domain.EarlyHelp;

namespace Waymark.Domain.Tests.EarlyHelp;

public class AspectScoresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    public void Scores_from_0_to_10_are_accepted(int score) =>
        Assert.Null(AspectScores.Problem(AspectOfLife.Safety, score, false, null));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_score_off_the_scale_is_refused_naming_the_aspect(int score) =>
        Assert.Equal("The score for Safety must be from 0 (really worried) to 10 (all is well)", AspectScores.Problem(AspectOfLife.Safety, score, false, null));

    [Fact]
    public void A_missing_score_is_refused_naming_the_aspect() =>
        Assert.Equal("Give a score from 0 to 10 for Housing & Home Environment", AspectScores.Problem(AspectOfLife.HousingAndHomeEnvironment, null, false, null));

    [Fact]
    public void Only_pregnancy_and_early_years_may_be_not_applicable()
    {
        Assert.StartsWith("Safety cannot be marked not applicable", AspectScores.Problem(AspectOfLife.Safety, null, true, "No reason"), StringComparison.Ordinal);
        Assert.Null(AspectScores.Problem(AspectOfLife.PregnancyAndEarlyYears, null, true, "No children under 5"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Not_applicable_needs_a_reason(string? reason) =>
        Assert.Equal("Say why Pregnancy & Early Years is not applicable to this person",
            AspectScores.Problem(AspectOfLife.PregnancyAndEarlyYears, null, true, reason));

    [Fact]
    public void Not_applicable_and_a_score_together_are_refused() =>
        Assert.Equal("Give a score for Pregnancy & Early Years or mark it not applicable, not both",
            AspectScores.Problem(AspectOfLife.PregnancyAndEarlyYears, 4, true, "No children under 5"));

    [Fact]
    public void Suggested_goals_come_lowest_first_by_the_most_worried_person_with_ties_in_form_order()
    {
        var answers = new[]
        {
            new AspectAnswer(AspectOfLife.Safety, 3, null),
            new AspectAnswer(AspectOfLife.Safety, 9, null),
            new AspectAnswer(AspectOfLife.Education, 6, null),
            new AspectAnswer(AspectOfLife.Education, 3, null),
            new AspectAnswer(AspectOfLife.FamilyLife, 1, null),
            new AspectAnswer(AspectOfLife.BasicCare, 10, null),
            new AspectAnswer(AspectOfLife.PregnancyAndEarlyYears, null, "No young children"),
        };

        Assert.Equal([AspectOfLife.FamilyLife, AspectOfLife.Education, AspectOfLife.Safety], AspectScores.SuggestedGoals(answers));
    }

    [Fact]
    public void Nothing_is_suggested_when_all_is_well_or_nothing_is_scored()
    {
        Assert.Empty(AspectScores.SuggestedGoals([new AspectAnswer(AspectOfLife.Safety, 10, null)]));
        Assert.Empty(AspectScores.SuggestedGoals([new AspectAnswer(AspectOfLife.PregnancyAndEarlyYears, null, "n/a")]));
        Assert.Empty(AspectScores.SuggestedGoals([]));
    }

    [Fact]
    public void Scores_three_or_more_apart_are_disagreements_and_not_applicable_is_ignored()
    {
        var answers = new[]
        {
            new AspectAnswer(AspectOfLife.Safety, 8, null),
            new AspectAnswer(AspectOfLife.Safety, 5, null),
            new AspectAnswer(AspectOfLife.Education, 8, null),
            new AspectAnswer(AspectOfLife.Education, 6, null),
            new AspectAnswer(AspectOfLife.PregnancyAndEarlyYears, 2, null),
            new AspectAnswer(AspectOfLife.PregnancyAndEarlyYears, null, "n/a"),
            new AspectAnswer(AspectOfLife.FamilyLife, 0, null),
            new AspectAnswer(AspectOfLife.FamilyLife, 10, null),
        };

        Assert.Equal([AspectOfLife.FamilyLife, AspectOfLife.Safety], AspectScores.Disagreements(answers));
    }

    [Fact]
    public void Average_change_is_per_aspect_rounded_to_one_place()
    {
        var change = AspectScores.AverageChange(
        [
            (AspectOfLife.Education, 2, 5),
            (AspectOfLife.Education, 4, 4),
            (AspectOfLife.Education, 6, 5),
            (AspectOfLife.Safety, 7, 3),
            (AspectOfLife.FamilyLife, 1, 2),
            (AspectOfLife.FamilyLife, 1, 1),
        ]);

        Assert.Equal(0.7m, change[AspectOfLife.Education]);
        Assert.Equal(-4m, change[AspectOfLife.Safety]);
        Assert.Equal(0.5m, change[AspectOfLife.FamilyLife]);
        Assert.False(change.ContainsKey(AspectOfLife.BasicCare));
    }
}
