using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Calendar;

public class NcYearTests
{
    [Theory]
    [InlineData(-4, "E1", "Early years 1")]
    [InlineData(-3, "E2", "Early years 2")]
    [InlineData(-2, "N1", "Nursery 1")]
    [InlineData(-1, "N2", "Nursery 2")]
    [InlineData(0, "R", "Reception")]
    [InlineData(1, "1", "Year 1")]
    [InlineData(6, "6", "Year 6")]
    [InlineData(11, "11", "Year 11")]
    [InlineData(14, "14", "Year 14")]
    public void Code_and_display_name(int value, string code, string displayName)
    {
        var year = new NcYear(value);

        Assert.Equal(code, year.Code);
        Assert.Equal(displayName, year.DisplayName);
        Assert.Equal(code, year.ToString());
    }

    [Fact]
    public void All_covers_E1_to_14_in_order()
    {
        Assert.Equal(19, NcYear.All.Count);
        Assert.Equal(Enumerable.Range(-4, 19), NcYear.All.Select(y => y.Value));
        Assert.Equal(
            ["E1", "E2", "N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"],
            NcYear.All.Select(y => y.Code));
    }

    [Fact]
    public void Every_code_and_display_name_round_trips_through_TryParse()
    {
        foreach (var year in NcYear.All)
        {
            Assert.True(NcYear.TryParse(year.Code, out var fromCode), year.Code);
            Assert.Equal(year, fromCode);
            Assert.True(NcYear.TryParse(year.DisplayName, out var fromName), year.DisplayName);
            Assert.Equal(year, fromName);
            Assert.True(NcYear.TryParse(year.Code.ToLowerInvariant(), out var fromLower), year.Code);
            Assert.Equal(year, fromLower);
            Assert.True(NcYear.TryParse(year.DisplayName.ToUpperInvariant(), out var fromUpper), year.DisplayName);
            Assert.Equal(year, fromUpper);
        }
    }

    [Theory]
    [InlineData("R", 0)]
    [InlineData("r", 0)]
    [InlineData("reception", 0)]
    [InlineData("6", 6)]
    [InlineData("Y6", 6)]
    [InlineData("y6", 6)]
    [InlineData("Year 6", 6)]
    [InlineData("year6", 6)]
    [InlineData(" Year 6 ", 6)]
    [InlineData("N2", -1)]
    [InlineData("n1", -2)]
    [InlineData("E1", -4)]
    [InlineData("e2", -3)]
    [InlineData("Y14", 14)]
    [InlineData("06", 6)]
    public void TryParse_accepts_common_forms(string text, int expected)
    {
        Assert.True(NcYear.TryParse(text, out var year));
        Assert.Equal(expected, year.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("0")]
    [InlineData("Y0")]
    [InlineData("15")]
    [InlineData("Year 15")]
    [InlineData("-1")]
    [InlineData("N3")]
    [InlineData("E0")]
    [InlineData("Y")]
    [InlineData("Year")]
    [InlineData("Year six")]
    [InlineData("RR")]
    [InlineData("100")]
    public void TryParse_rejects_other_text(string text)
    {
        Assert.False(NcYear.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(NcYear.TryParse(null!, out _));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(15)]
    [InlineData(int.MinValue)]
    public void Constructor_rejects_values_outside_minus_4_to_14(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NcYear(value));
    }

    [Fact]
    public void Primary_is_reception_to_year_6_and_secondary_is_7_to_11()
    {
        foreach (var year in NcYear.All)
        {
            Assert.Equal(year.Value is >= 0 and <= 6, year.IsPrimary);
            Assert.Equal(year.Value is >= 7 and <= 11, year.IsSecondary);
        }

        Assert.True(NcYear.Reception.IsPrimary);
        Assert.True(new NcYear(6).IsPrimary);
        Assert.False(new NcYear(7).IsPrimary);
        Assert.True(new NcYear(7).IsSecondary);
        Assert.True(new NcYear(11).IsSecondary);
        Assert.False(new NcYear(12).IsSecondary);
        Assert.False(new NcYear(-1).IsPrimary);
    }

    [Fact]
    public void Equal_values_are_equal()
    {
        Assert.Equal(new NcYear(3), new NcYear(3));
        Assert.NotEqual(new NcYear(3), new NcYear(4));
    }
}
