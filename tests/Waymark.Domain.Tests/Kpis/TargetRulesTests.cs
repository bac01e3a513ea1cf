using Waymark.Domain.Kpis;

namespace Waymark.Domain.Tests.Kpis;

public class TargetRulesTests
{
    [Theory]
    [InlineData("4.1", 4.1)]
    [InlineData(" 4.10 ", 4.10)]
    [InlineData("4.1%", 4.1)]
    [InlineData("4.1 %", 4.1)]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("17.90", 17.9)]
    public void A_percentage_is_read_as_typed(string text, double expected)
    {
        Assert.Equal((decimal)expected, TargetRules.ParseValue(text, Indicators.OverallAbsence, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("", "Enter a value")]
    [InlineData("   ", "Enter a value")]
    [InlineData(null, "Enter a value")]
    [InlineData("four", "Enter the value as a number, like 4.1")]
    [InlineData("-1", "Enter the value as a number, like 4.1")]
    [InlineData("4,1", "Enter the value as a number, like 4.1")]
    [InlineData("4.123", "Enter the value to no more than 2 decimal places")]
    [InlineData("100.01", "A percentage cannot be more than 100")]
    public void A_percentage_that_is_not_one_is_refused_with_the_reason(string? text, string expected)
    {
        Assert.Null(TargetRules.ParseValue(text, Indicators.OverallAbsence, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_count_is_whole_and_has_no_upper_limit_and_no_percent_sign()
    {
        Assert.Equal(125m, TargetRules.ParseValue("125", Indicators.ReducedTimetablesStarted, out _));
        Assert.Equal(250m, TargetRules.ParseValue("250.00", Indicators.ReducedTimetablesStarted, out _));
        Assert.Null(TargetRules.ParseValue("70.5", Indicators.ReducedTimetablesStarted, out var half));
        Assert.Equal("Enter a whole number of pupils", half);
        Assert.Null(TargetRules.ParseValue("70%", Indicators.ReducedTimetablesStarted, out var percent));
        Assert.Equal("Enter the value as a number, like 70", percent);
    }

    [Fact]
    public void A_rate_per_100_pupils_may_exceed_100()
    {
        Assert.Equal(120.5m, TargetRules.ParseValue("120.5", Indicators.SuspensionRate, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(2018, 2023, null)]
    [InlineData(2005, 2006, null)]
    [InlineData(2026, 2041, null)]
    [InlineData(2004, 2010, "The baseline year must be between 2005/06 and this year, 2026/27")]
    [InlineData(2027, 2030, "The baseline year must be between 2005/06 and this year, 2026/27")]
    [InlineData(2018, 2018, "The target year must be after the baseline year")]
    [InlineData(2018, 2017, "The target year must be after the baseline year")]
    [InlineData(2018, 2042, "The target year must be no later than 2041/42")]
    public void Years_are_checked_against_each_other_and_this_year(int baseline, int target, string? expected) =>
        Assert.Equal(expected, TargetRules.YearsProblem(baseline, target, currentYear: 2026));

    [Fact]
    public void A_target_may_hold_the_baseline_but_not_aim_for_worse()
    {
        Assert.Null(TargetRules.DirectionProblem(Indicators.OverallAbsence, 4.1m, 3.5m));
        Assert.Null(TargetRules.DirectionProblem(Indicators.OverallAbsence, 4.1m, 4.1m));
        Assert.Equal("Lower is better for overall absence rate, so the target cannot be above the baseline",
            TargetRules.DirectionProblem(Indicators.OverallAbsence, 4.1m, 4.2m));
        Assert.Null(TargetRules.DirectionProblem(Indicators.ChronicAbsenceLeadProfessionalAndPlan, 44m, 100m));
        Assert.Equal("Higher is better for chronically absent pupils with a Lead Professional and a plan, so the target cannot be below the baseline",
            TargetRules.DirectionProblem(Indicators.ChronicAbsenceLeadProfessionalAndPlan, 44m, 40m));
    }
}
