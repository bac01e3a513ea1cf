using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

public class SchoolTermsTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday_matches_the_published_dates(int year, string expected)
    {
        Assert.Equal(D(expected), SchoolTerms.EasterSunday(year));
    }

    [Fact]
    public void Census_terms_run_to_31_December_and_Easter_Sunday()
    {
        var year = new AcademicYear(2025);

        Assert.Equal(new Term(year, TermName.Autumn, D("2025-09-01"), D("2025-12-31")), SchoolTerms.For(year, TermName.Autumn));
        Assert.Equal(new Term(year, TermName.Spring, D("2026-01-01"), D("2026-04-05")), SchoolTerms.For(year, TermName.Spring));
        Assert.Equal(new Term(year, TermName.Summer, D("2026-04-06"), D("2026-08-31")), SchoolTerms.For(year, TermName.Summer));
    }

    [Theory]
    [InlineData("2025-09-01", TermName.Autumn, 2025)]
    [InlineData("2025-12-31", TermName.Autumn, 2025)]
    [InlineData("2026-01-01", TermName.Spring, 2025)]
    [InlineData("2026-04-05", TermName.Spring, 2025)]
    [InlineData("2026-04-06", TermName.Summer, 2025)]
    [InlineData("2026-08-31", TermName.Summer, 2025)]
    [InlineData("2024-03-31", TermName.Spring, 2023)]
    [InlineData("2024-04-01", TermName.Summer, 2023)]
    [InlineData("2027-03-28", TermName.Spring, 2026)]
    [InlineData("2027-03-29", TermName.Summer, 2026)]
    public void Containing_finds_the_term_of_a_date(string date, TermName name, int startYear)
    {
        var term = SchoolTerms.Containing(D(date));

        Assert.Equal(name, term.Name);
        Assert.Equal(new AcademicYear(startYear), term.Year);
        Assert.True(term.Contains(D(date)));
    }

    [Fact]
    public void Previous_steps_back_across_the_year_boundary()
    {
        var autumn = SchoolTerms.For(new AcademicYear(2025), TermName.Autumn);
        var spring = SchoolTerms.For(new AcademicYear(2025), TermName.Spring);
        var summer = SchoolTerms.For(new AcademicYear(2025), TermName.Summer);

        Assert.Equal(autumn, SchoolTerms.Previous(spring));
        Assert.Equal(spring, SchoolTerms.Previous(summer));
        Assert.Equal(SchoolTerms.For(new AcademicYear(2024), TermName.Summer), SchoolTerms.Previous(autumn));
        Assert.Equal(D("2025-04-21"), SchoolTerms.Previous(autumn).Start);
    }

    [Fact]
    public void Terms_cover_every_day_of_the_year_once()
    {
        var year = new AcademicYear(2027);
        var terms = new[] { TermName.Autumn, TermName.Spring, TermName.Summer }.Select(n => SchoolTerms.For(year, n)).ToList();

        for (var day = year.Start; day <= year.End; day = day.AddDays(1))
        {
            Assert.Single(terms, t => t.Contains(day));
        }

        Assert.Equal("Spring term 2027/28", terms[1].ToString());
    }
}
