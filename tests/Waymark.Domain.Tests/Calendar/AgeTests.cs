using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Calendar;

public class AgeTests
{
    [Theory]
    [InlineData("2015-06-15", "2015-06-15", 0)]
    [InlineData("2015-06-15", "2016-06-14", 0)]
    [InlineData("2015-06-15", "2016-06-15", 1)]
    [InlineData("2015-06-15", "2025-06-14", 9)]
    [InlineData("2015-06-15", "2025-06-15", 10)]
    [InlineData("2015-06-15", "2025-12-31", 10)]
    [InlineData("2014-12-31", "2025-01-01", 10)]
    [InlineData("2014-01-01", "2024-12-31", 10)]
    public void Counts_whole_years(string dateOfBirth, string date, int expected)
    {
        Assert.Equal(expected, Age.On(D(dateOfBirth), D(date)));
    }

    // Choice: a 29 February birthday falls on 1 March in non-leap years, so on 28 February
    // the person is still the younger age.
    [Theory]
    [InlineData("2017-02-28", 0)]
    [InlineData("2017-03-01", 1)]
    [InlineData("2019-02-28", 2)]
    [InlineData("2019-03-01", 3)]
    [InlineData("2020-02-28", 3)]
    [InlineData("2020-02-29", 4)]
    [InlineData("2034-02-28", 17)]
    [InlineData("2034-03-01", 18)]
    public void Leap_day_birthday_is_1_March_in_non_leap_years(string date, int expected)
    {
        Assert.Equal(expected, Age.On(new DateOnly(2016, 2, 29), D(date)));
    }

    [Fact]
    public void Throws_when_date_is_before_birth()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Age.On(new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1)));
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
