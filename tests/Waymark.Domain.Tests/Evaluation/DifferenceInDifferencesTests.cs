using Waymark.Domain.Evaluation;

namespace Waymark.Domain.Tests.Evaluation;

/// <summary>
/// A worked example done by hand below, step by step, so the expected numbers do not come from the code under test.
/// Programme changes 10, 6, 2 (mean 6, variance 32/2 = 16); comparison changes 2, 0, 4, 2 (mean 2, variance 8/3).
/// </summary>
public class DifferenceInDifferencesTests
{
    private static readonly BeforeAfter[] Programme = [new(80, 90), new(70, 76), new(90, 92)];
    private static readonly BeforeAfter[] Comparison = [new(82, 84), new(72, 72), new(88, 92), new(60, 62)];

    [Fact]
    public void The_worked_example_gives_the_hand_computed_difference_effect_size_and_interval()
    {
        // Means: programme before (80+70+90)/3 = 80, after (90+76+92)/3 = 86; comparison before 302/4 = 75.5, after 310/4 = 77.5.
        // DiD = 6 − 2 = 4. df = 3 + 4 − 2 = 5. Pooled variance = (2·16 + 3·8/3) / 5 = 40/5 = 8, so s = √8.
        // d = 4/√8 = √2. J = 1 − 3/(4·5 − 1) = 16/19. g = 16√2/19.
        // Var(g) = (16/19)² · (7/12 + (√2)²/(2·7)) = (256/361) · (7/12 + 1/7) = (256/361) · (61/84).
        var expectedG = 16 * Math.Sqrt(2) / 19;
        var halfWidth = 1.959963984540054 * Math.Sqrt(256.0 / 361 * (61.0 / 84));

        var result = EvaluationResult.Compute(Programme, Comparison);

        Assert.Equal(3, result.Programme.Count);
        Assert.Equal(4, result.Comparison.Count);
        Assert.Equal(80, result.Programme.MeanBefore!.Value, 10);
        Assert.Equal(86, result.Programme.MeanAfter!.Value, 10);
        Assert.Equal(75.5, result.Comparison.MeanBefore!.Value, 10);
        Assert.Equal(77.5, result.Comparison.MeanAfter!.Value, 10);
        Assert.Equal(4, result.Programme.ChangeStandardDeviation!.Value, 10);
        Assert.Equal(Math.Sqrt(8.0 / 3), result.Comparison.ChangeStandardDeviation!.Value, 10);
        Assert.Equal(4, result.DifferenceInDifferences!.Value, 10);
        Assert.Equal(Math.Sqrt(8), result.PooledStandardDeviation!.Value, 10);
        Assert.Equal(expectedG, result.HedgesG!.Value, 10);
        Assert.Equal(expectedG - halfWidth, result.ConfidenceLow!.Value, 10);
        Assert.Equal(expectedG + halfWidth, result.ConfidenceHigh!.Value, 10);
        // Rounded, as the page shows it: g = 1.19, 95% CI −0.22 to 2.60.
        Assert.Equal(1.19, Math.Round(result.HedgesG.Value, 2));
        Assert.Equal(-0.22, Math.Round(result.ConfidenceLow.Value, 2));
        Assert.Equal(2.60, Math.Round(result.ConfidenceHigh.Value, 2));
        Assert.Equal(EffectSizeUnavailable.None, result.Unavailable);
    }

    [Fact]
    public void Swapping_the_groups_turns_the_effect_round()
    {
        var forward = EvaluationResult.Compute(Programme, Comparison);
        var backward = EvaluationResult.Compute(Comparison, Programme);

        Assert.Equal(-4, backward.DifferenceInDifferences!.Value, 10);
        Assert.Equal(-forward.HedgesG!.Value, backward.HedgesG!.Value, 10);
    }

    [Fact]
    public void A_programme_group_of_one_uses_the_comparison_groups_spread()
    {
        // Programme change 10; comparison changes 0, 2, 4 (mean 2, variance 8/2 = 4). df = 2.
        // Pooled variance = (0 + 2·4)/2 = 4, s = 2; d = 8/2 = 4; J = 1 − 3/7 = 4/7; g = 16/7.
        // Var(g) = (4/7)² · (4/3 + 16/8) = (16/49) · (10/3).
        var result = EvaluationResult.Compute([new(50, 60)], [new(70, 70), new(70, 72), new(70, 74)]);

        Assert.Equal(1, result.Programme.Count);
        Assert.Null(result.Programme.ChangeStandardDeviation);
        Assert.Equal(8, result.DifferenceInDifferences!.Value, 10);
        Assert.Equal(2, result.PooledStandardDeviation!.Value, 10);
        Assert.Equal(16.0 / 7, result.HedgesG!.Value, 10);
        Assert.Equal(16.0 / 7 + 1.959963984540054 * Math.Sqrt(16.0 / 49 * (10.0 / 3)), result.ConfidenceHigh!.Value, 10);
    }

    [Fact]
    public void One_child_in_each_group_gives_the_difference_but_no_effect_size()
    {
        var result = EvaluationResult.Compute([new(80, 90)], [new(80, 85)]);

        Assert.Equal(5, result.DifferenceInDifferences!.Value, 10);
        Assert.Null(result.HedgesG);
        Assert.Null(result.ConfidenceLow);
        Assert.Equal(EffectSizeUnavailable.TooFewChildren, result.Unavailable);
    }

    [Fact]
    public void Identical_changes_everywhere_have_no_spread_to_standardise_by()
    {
        var result = EvaluationResult.Compute([new(80, 82), new(90, 92)], [new(70, 71), new(60, 61)]);

        Assert.Equal(1, result.DifferenceInDifferences!.Value, 10);
        Assert.Equal(0, result.PooledStandardDeviation!.Value);
        Assert.Null(result.HedgesG);
        Assert.Equal(EffectSizeUnavailable.NoVariation, result.Unavailable);
    }

    [Fact]
    public void No_matched_comparison_children_gives_no_difference_at_all()
    {
        var result = EvaluationResult.Compute(Programme, []);

        Assert.Equal(0, result.Comparison.Count);
        Assert.Null(result.Comparison.MeanBefore);
        Assert.Null(result.DifferenceInDifferences);
        Assert.Null(result.HedgesG);
        Assert.Equal(EffectSizeUnavailable.EmptyGroup, result.Unavailable);
        Assert.Equal(6, result.Programme.MeanChange!.Value, 10);
    }
}
