using Waymark.Domain.Kpis;

namespace Waymark.Domain.Tests.Kpis;

public class RagTests
{
    // Seed 002: secondary persistent absence 17.9 in 2018/19 to 13.5 by 2023/24, a fall of 4.4 over five years
    // (0.88 a year). In 2021/22 the line is at 17.9 - 3 x 0.88 = 15.26; amber allows 0.25 x 4.4 = 1.10 behind.
    private static readonly TargetLine Falling = new(2018, 17.9m, 2023, 13.5m);

    // Seed 002: chronically absent children with a Lead Professional and plan, 44% to 100% (a rise of 56).
    private static readonly TargetLine Rising = new(2018, 44m, 2023, 100m);

    [Fact]
    public void The_line_runs_straight_from_baseline_to_target_and_holds_at_each_end()
    {
        Assert.Equal(17.9m, Falling.ExpectedIn(2017));
        Assert.Equal(17.9m, Falling.ExpectedIn(2018));
        Assert.Equal(15.26m, Falling.ExpectedIn(2021));
        Assert.Equal(13.5m, Falling.ExpectedIn(2023));
        Assert.Equal(13.5m, Falling.ExpectedIn(2025));
        Assert.Equal(77.6m, Rising.ExpectedIn(2021));
    }

    [Theory]
    [InlineData(15.26, RagStatus.Green)] // exactly on the line
    [InlineData(14.00, RagStatus.Green)] // ahead of it
    [InlineData(15.27, RagStatus.Amber)] // just behind
    [InlineData(16.36, RagStatus.Amber)] // behind by exactly a quarter of the planned fall (1.10)
    [InlineData(16.37, RagStatus.Red)] // just beyond
    [InlineData(18.00, RagStatus.Red)] // worse than the baseline
    public void Lower_is_better(double actual, RagStatus expected) =>
        Assert.Equal(expected, Rag.Status(Falling, 2021, (decimal)actual, Direction.LowerIsBetter));

    [Theory]
    [InlineData(77.6, RagStatus.Green)]
    [InlineData(90.0, RagStatus.Green)]
    [InlineData(77.5, RagStatus.Amber)]
    [InlineData(63.6, RagStatus.Amber)] // behind by exactly 0.25 x 56 = 14
    [InlineData(63.5, RagStatus.Red)]
    public void Higher_is_better(double actual, RagStatus expected) =>
        Assert.Equal(expected, Rag.Status(Rising, 2021, (decimal)actual, Direction.HigherIsBetter));

    [Fact]
    public void Worse_than_the_baseline_is_red_even_when_the_line_has_barely_moved()
    {
        // In the baseline year itself the line is at the baseline, so any worsening is red, not amber.
        Assert.Equal(RagStatus.Red, Rag.Status(Falling, 2018, 17.91m, Direction.LowerIsBetter));
        Assert.Equal(RagStatus.Green, Rag.Status(Falling, 2018, 17.9m, Direction.LowerIsBetter));
    }

    [Fact]
    public void A_target_with_no_planned_change_is_met_or_missed()
    {
        var hold = new TargetLine(2020, 5m, 2024, 5m);
        Assert.Equal(RagStatus.Green, Rag.Status(hold, 2022, 5m, Direction.LowerIsBetter));
        Assert.Equal(RagStatus.Red, Rag.Status(hold, 2022, 5.01m, Direction.LowerIsBetter));
    }

    [Fact]
    public void Past_the_target_year_the_target_itself_is_the_bar()
    {
        Assert.Equal(RagStatus.Green, Rag.Status(Falling, 2026, 13.5m, Direction.LowerIsBetter));
        Assert.Equal(RagStatus.Amber, Rag.Status(Falling, 2026, 14.6m, Direction.LowerIsBetter));
        Assert.Equal(RagStatus.Red, Rag.Status(Falling, 2026, 14.61m, Direction.LowerIsBetter));
    }

    [Fact]
    public void Every_status_has_words_not_only_a_colour()
    {
        Assert.Equal("On track", Rag.DisplayName(RagStatus.Green));
        Assert.Equal("Slightly behind", Rag.DisplayName(RagStatus.Amber));
        Assert.Equal("Off track", Rag.DisplayName(RagStatus.Red));
    }
}
