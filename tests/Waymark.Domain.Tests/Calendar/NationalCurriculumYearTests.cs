using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Calendar;

public class NationalCurriculumYearTests
{
    private static readonly AcademicYear Year2025 = new(2025);

    [Theory]
    [InlineData("2014-09-01", "6")]
    [InlineData("2015-08-31", "6")]
    [InlineData("2014-08-31", "7")]
    [InlineData("2015-09-01", "5")]
    [InlineData("2016-02-29", "5")]
    [InlineData("2020-09-01", "R")]
    [InlineData("2021-08-31", "R")]
    [InlineData("2021-09-01", "N2")]
    [InlineData("2023-08-31", "N1")]
    [InlineData("2024-08-31", "E2")]
    [InlineData("2024-09-01", "E1")]
    [InlineData("2025-08-31", "E1")]
    [InlineData("2009-09-01", "11")]
    [InlineData("2007-09-01", "13")]
    [InlineData("2006-09-01", "14")]
    public void Derives_from_age_on_31_August_before_the_year(string dateOfBirth, string expectedCode)
    {
        var year = NationalCurriculumYear.Derive(D(dateOfBirth), Year2025);

        Assert.NotNull(year);
        Assert.Equal(expectedCode, year.Value.Code);
    }

    [Theory]
    [InlineData("2016-02-29", 2020, "R")]
    [InlineData("2016-02-29", 2021, "1")]
    [InlineData("2016-02-29", 2027, "7")]
    [InlineData("2016-03-01", 2027, "7")]
    [InlineData("2016-02-28", 2027, "7")]
    public void Leap_day_birthdays_follow_the_same_cohort_as_their_neighbours(string dateOfBirth, int startYear, string expectedCode)
    {
        Assert.Equal(expectedCode, NationalCurriculumYear.Derive(D(dateOfBirth), new AcademicYear(startYear))?.Code);
    }

    [Theory]
    [InlineData("2025-09-01")]
    [InlineData("2026-03-01")]
    [InlineData("2030-01-01")]
    [InlineData("2006-08-31")]
    [InlineData("1990-01-01")]
    public void Outside_E1_to_14_is_null(string dateOfBirth)
    {
        Assert.Null(NationalCurriculumYear.Derive(D(dateOfBirth), Year2025));
    }

    [Fact]
    public void Each_one_year_cohort_maps_to_one_nc_year()
    {
        // Everyone born 1 Sep 2014 to 31 Aug 2015 is in Year 6 in 2025/26.
        for (var dob = new DateOnly(2014, 9, 1); dob <= new DateOnly(2015, 8, 31); dob = dob.AddDays(1))
        {
            Assert.Equal(new NcYear(6), NationalCurriculumYear.Derive(dob, Year2025));
        }
    }

    [Fact]
    public void A_child_moves_up_one_year_each_academic_year()
    {
        var dob = new DateOnly(2012, 11, 5);
        for (var start = 2013; start <= 2031; start++)
        {
            var expected = start - 2013 - 4;
            Assert.Equal(new NcYear(expected), NationalCurriculumYear.Derive(dob, new AcademicYear(start)));
        }

        Assert.Null(NationalCurriculumYear.Derive(dob, new AcademicYear(2012)));
        Assert.Null(NationalCurriculumYear.Derive(dob, new AcademicYear(2032)));
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_child_held_back_a_year_still_moves_up_each_September()
    {
        var dob = new DateOnly(2014, 10, 1);

        Assert.Equal("5", NationalCurriculumYear.ForChild(dob, new AcademicYear(2025), -1)?.Code);
        Assert.Equal("6", NationalCurriculumYear.ForChild(dob, new AcademicYear(2026), -1)?.Code);
        Assert.Equal("7", NationalCurriculumYear.ForChild(dob, new AcademicYear(2026), 0)?.Code);
    }

    [Fact]
    public void An_offset_beyond_the_year_range_gives_no_year()
    {
        Assert.Null(NationalCurriculumYear.ForChild(new DateOnly(2007, 1, 1), new AcademicYear(2025), 1));
        Assert.Equal("R", NationalCurriculumYear.ForChild(new DateOnly(2020, 1, 1), new AcademicYear(2025), -1)?.Code);
    }
}
