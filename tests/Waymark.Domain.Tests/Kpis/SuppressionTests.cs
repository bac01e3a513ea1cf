using Waymark.Domain.Kpis;

namespace Waymark.Domain.Tests.Kpis;

public class SuppressionTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "c")]
    [InlineData(4, "c")]
    [InlineData(5, "5")]
    [InlineData(125, "125")]
    public void Counts_of_one_to_four_are_shown_as_c(long count, string shown) =>
        Assert.Equal(shown, Suppression.Count(count, suppress: true));

    [Fact]
    public void Unsuppressed_tables_show_every_count() => Assert.Equal("3", Suppression.Count(3, suppress: false));

    [Theory]
    [InlineData(4, 100, "c")] // a small numerator
    [InlineData(5, 100, "5.00")]
    [InlineData(0, 100, "0.00")] // nobody: identifies no one
    [InlineData(0, 4, "c")] // a small denominator gives away every child in it
    [InlineData(5, 5, "100.00")]
    [InlineData(0, 0, "")] // nothing to divide by
    public void Rates_are_hidden_when_either_part_is_small(long numerator, long denominator, string shown) =>
        Assert.Equal(shown, Suppression.Rate(KpiRates.PerHundred(numerator, denominator), numerator, denominator, suppress: true));
}
