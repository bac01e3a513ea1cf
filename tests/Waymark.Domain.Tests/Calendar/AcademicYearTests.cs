using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Calendar;

public class AcademicYearTests
{
    [Fact]
    public void Runs_from_1_September_to_31_August()
    {
        var year = new AcademicYear(2025);

        Assert.Equal(new DateOnly(2025, 9, 1), year.Start);
        Assert.Equal(new DateOnly(2026, 8, 31), year.End);
    }

    [Theory]
    [InlineData("2025-09-01", 2025)]
    [InlineData("2026-08-31", 2025)]
    [InlineData("2025-08-31", 2024)]
    [InlineData("2026-09-01", 2026)]
    [InlineData("2025-12-31", 2025)]
    [InlineData("2026-01-01", 2025)]
    [InlineData("2024-02-29", 2023)]
    public void Containing_finds_the_year_for_a_date(string date, int startYear)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var year = AcademicYear.Containing(day);

        Assert.Equal(new AcademicYear(startYear), year);
        Assert.True(year.Contains(day));
    }

    [Fact]
    public void Contains_is_inclusive_at_both_ends_only()
    {
        var year = new AcademicYear(2025);

        Assert.False(year.Contains(new DateOnly(2025, 8, 31)));
        Assert.True(year.Contains(new DateOnly(2025, 9, 1)));
        Assert.True(year.Contains(new DateOnly(2026, 8, 31)));
        Assert.False(year.Contains(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Every_day_of_a_year_is_contained_and_maps_back()
    {
        var year = new AcademicYear(2023);
        var days = 0;
        for (var d = year.Start; d <= year.End; d = d.AddDays(1))
        {
            Assert.Equal(year, AcademicYear.Containing(d));
            days++;
        }

        Assert.Equal(366, days);
    }

    [Theory]
    [InlineData(2025, "2025/26")]
    [InlineData(1999, "1999/00")]
    [InlineData(2009, "2009/10")]
    [InlineData(2000, "2000/01")]
    public void ToString_uses_the_dfe_short_form(int startYear, string expected)
    {
        Assert.Equal(expected, new AcademicYear(startYear).ToString());
    }

    [Theory]
    [InlineData("2025/26", 2025)]
    [InlineData("2025", 2025)]
    [InlineData(" 2025/26 ", 2025)]
    [InlineData("2025-26", 2025)]
    [InlineData("2025/2026", 2025)]
    [InlineData("1999/00", 1999)]
    public void TryParse_accepts_supported_forms(string text, int startYear)
    {
        Assert.True(AcademicYear.TryParse(text, out var year));
        Assert.Equal(startYear, year.StartYear);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025/27")]
    [InlineData("2025/25")]
    [InlineData("2025/2027")]
    [InlineData("2025/6")]
    [InlineData("2025 26")]
    [InlineData("2025/")]
    [InlineData("25/26")]
    [InlineData("abcd")]
    [InlineData("+2025")]
    [InlineData("20255")]
    [InlineData("2025/26x")]
    public void TryParse_rejects_other_text(string text)
    {
        Assert.False(AcademicYear.TryParse(text, out var year));
        Assert.Equal(default, year);
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(AcademicYear.TryParse(null!, out _));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(1999)]
    [InlineData(2099)]
    public void ToString_round_trips_through_TryParse(int startYear)
    {
        var year = new AcademicYear(startYear);

        Assert.True(AcademicYear.TryParse(year.ToString(), out var parsed));
        Assert.Equal(year, parsed);
    }
}
