using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

public class StatisticsCohortTests
{
    private static readonly AcademicYear Year = new(2025);

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Age_is_taken_on_31_August_before_the_year()
    {
        Assert.Equal(D("2025-08-31"), StatisticsCohort.AgeDate(Year));
    }

    [Theory]
    [InlineData("2020-08-31", true)]  // 5 on 31 August 2025: the youngest of Year 1
    [InlineData("2020-09-01", false)] // still 4: reception, reported separately
    [InlineData("2021-03-01", false)] // 4
    [InlineData("2010-09-01", true)]  // 14 on 31 August 2025
    [InlineData("2009-09-01", true)]  // 15 on 31 August 2025: Year 11
    [InlineData("2009-08-31", false)] // 16 on 31 August 2025
    [InlineData("2008-01-01", false)] // 17
    [InlineData("2025-10-01", false)] // born after the age date
    [InlineData("2020-02-29", true)]
    public void Only_ages_5_to_15_count(string dateOfBirth, bool counts)
    {
        Assert.Equal(counts, StatisticsCohort.IsOfCompulsorySchoolAge(D(dateOfBirth), Year));
    }

    [Fact]
    public void An_enrolment_needs_a_possible_session_to_count()
    {
        var dob = D("2015-05-05");

        Assert.True(StatisticsCohort.Counts(dob, Year, new SessionCounts(1, 0, 0, 0, 0)));
        Assert.True(StatisticsCohort.Counts(dob, Year, new SessionCounts(0, 0, 0, 1, 0)));
        Assert.False(StatisticsCohort.Counts(dob, Year, new SessionCounts(0, 0, 0, 0, 30)));
        Assert.False(StatisticsCohort.Counts(D("2021-01-01"), Year, new SessionCounts(100, 0, 0, 0, 0)));
    }

    [Fact]
    public void The_range_of_dates_of_birth_agrees_with_the_age_rule_on_every_day()
    {
        foreach (var year in new[] { new AcademicYear(2023), Year, new AcademicYear(2027), new AcademicYear(2028) })
        {
            var (earliest, latest) = StatisticsCohort.BornBetween(year);
            for (var dob = year.Start.AddYears(-20); dob <= year.Start; dob = dob.AddDays(1))
            {
                Assert.Equal(StatisticsCohort.IsOfCompulsorySchoolAge(dob, year), dob >= earliest && dob <= latest);
            }
        }

        Assert.Equal((D("2009-09-01"), D("2020-08-31")), StatisticsCohort.BornBetween(Year));
    }
}
