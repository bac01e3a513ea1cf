using Waymark.Domain.Schools;

namespace Waymark.Domain.Tests.Schools;

public class SchoolPhasesTests
{
    [Theory]
    [InlineData(SchoolPhase.NotApplicable, "Not applicable")]
    [InlineData(SchoolPhase.Nursery, "Nursery")]
    [InlineData(SchoolPhase.Primary, "Primary")]
    [InlineData(SchoolPhase.MiddleDeemedPrimary, "Middle deemed primary")]
    [InlineData(SchoolPhase.MiddleDeemedSecondary, "Middle deemed secondary")]
    [InlineData(SchoolPhase.Secondary, "Secondary")]
    [InlineData(SchoolPhase.SixteenPlus, "16 plus")]
    [InlineData(SchoolPhase.AllThrough, "All-through")]
    public void Display_names_are_gias_names_and_parse_back(SchoolPhase phase, string name)
    {
        Assert.Equal(name, SchoolPhases.DisplayName(phase));
        Assert.True(SchoolPhases.TryParse(name, out var parsed));
        Assert.Equal(phase, parsed);
    }

    [Theory]
    [InlineData("primary", SchoolPhase.Primary)]
    [InlineData("SECONDARY", SchoolPhase.Secondary)]
    [InlineData("All through", SchoolPhase.AllThrough)]
    [InlineData("all-through", SchoolPhase.AllThrough)]
    [InlineData("AllThrough", SchoolPhase.AllThrough)]
    [InlineData("Not Applicable", SchoolPhase.NotApplicable)]
    [InlineData("not-applicable", SchoolPhase.NotApplicable)]
    [InlineData("16 Plus", SchoolPhase.SixteenPlus)]
    [InlineData("16-plus", SchoolPhase.SixteenPlus)]
    [InlineData("16plus", SchoolPhase.SixteenPlus)]
    [InlineData("SixteenPlus", SchoolPhase.SixteenPlus)]
    [InlineData("Middle Deemed Primary", SchoolPhase.MiddleDeemedPrimary)]
    [InlineData("middle-deemed-secondary", SchoolPhase.MiddleDeemedSecondary)]
    [InlineData(" Nursery ", SchoolPhase.Nursery)]
    public void TryParse_ignores_case_spaces_and_hyphens(string text, SchoolPhase expected)
    {
        Assert.True(SchoolPhases.TryParse(text, out var phase));
        Assert.Equal(expected, phase);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    [InlineData("Middle")]
    [InlineData("Infant")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("Secondary school")]
    [InlineData("16")]
    public void TryParse_rejects_other_text(string text)
    {
        Assert.False(SchoolPhases.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(SchoolPhases.TryParse(null!, out _));
    }

    [Fact]
    public void Every_phase_has_a_distinct_name()
    {
        Assert.Equal(8, SchoolPhases.All.Count);
        Assert.Equal(SchoolPhases.All.Count, SchoolPhases.All.Select(SchoolPhases.DisplayName).Distinct().Count());
    }

    [Fact]
    public void Undefined_value_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolPhases.DisplayName((SchoolPhase)12));
    }
}
