using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

public class CohortFiguresTests
{
    private static readonly AcademicYear Year = new(2025);

    // Aged 10 on 31 August 2025: in DfE's cohort.
    private static readonly DateOnly TenYearOld = new(2015, 3, 1);

    private static SessionCounts Sessions(int present, int authorised, int unauthorised, int aea = 0, int notCounted = 0) =>
        new(present, aea, authorised, unauthorised, notCounted);

    [Fact]
    public void Persistent_and_severe_absence_are_decided_per_enrolment_not_on_the_summed_sessions()
    {
        // 38 of 380 absent is persistent (10% exactly); 37 is not; 190 of 380 is severe (50% exactly).
        var figures = new CohortFigures()
            .Add(TenYearOld, Year, Sessions(342, 38, 0))
            .Add(TenYearOld, Year, Sessions(343, 30, 7))
            .Add(TenYearOld, Year, Sessions(190, 100, 90))
            .Add(TenYearOld, Year, Sessions(380, 0, 0));

        Assert.Equal(4, figures.Enrolments);
        Assert.Equal(2, figures.PersistentlyAbsent);
        Assert.Equal(1, figures.SeverelyAbsent);
        Assert.Equal(50.00m, figures.PersistentAbsenceRate);
        Assert.Equal(25.00m, figures.SevereAbsenceRate);
        Assert.Equal(1520, figures.Sessions.Possible);
        Assert.Equal(Rates.Percent(342 + 343 + 190 + 380, 1520), figures.AttendanceRate);
        Assert.Equal(Rates.Percent(38 + 37 + 190, 1520), figures.OverallAbsenceRate);
        Assert.Equal(Rates.Percent(38 + 30 + 100, 1520), figures.AuthorisedAbsenceRate);
        Assert.Equal(Rates.Percent(7 + 90, 1520), figures.UnauthorisedAbsenceRate);
    }

    [Fact]
    public void Approved_educational_activity_counts_as_attendance_and_not_counted_codes_are_left_out()
    {
        var figures = new CohortFigures().Add(TenYearOld, Year, Sessions(present: 6, authorised: 1, unauthorised: 1, aea: 2, notCounted: 10));

        Assert.Equal(10, figures.Sessions.Possible);
        Assert.Equal(80.00m, figures.AttendanceRate);
        Assert.Equal(20.00m, figures.OverallAbsenceRate);
        Assert.Equal(1, figures.PersistentlyAbsent);
    }

    [Fact]
    public void Only_pupils_aged_5_to_15_on_31_August_before_the_year_are_counted()
    {
        Assert.Equal(1, new CohortFigures().Add(new DateOnly(2020, 8, 31), Year, Sessions(1, 0, 0)).Enrolments);
        Assert.Equal(0, new CohortFigures().Add(new DateOnly(2020, 9, 1), Year, Sessions(1, 0, 0)).Enrolments);
        Assert.Equal(1, new CohortFigures().Add(new DateOnly(2009, 9, 1), Year, Sessions(1, 0, 0)).Enrolments);
        Assert.Equal(0, new CohortFigures().Add(new DateOnly(2009, 8, 31), Year, Sessions(1, 0, 0)).Enrolments);
    }

    [Fact]
    public void An_enrolment_with_no_possible_sessions_is_not_counted()
    {
        var figures = new CohortFigures().Add(TenYearOld, Year, Sessions(0, 0, 0, notCounted: 20));

        Assert.Equal(0, figures.Enrolments);
        Assert.Equal(0, figures.Sessions.NotCounted);
        Assert.Null(figures.AttendanceRate);
        Assert.Null(figures.PersistentAbsenceRate);
    }

    [Fact]
    public void Groups_add_up()
    {
        var a = new CohortFigures().Add(TenYearOld, Year, Sessions(9, 1, 0));
        var b = new CohortFigures().Add(TenYearOld, Year, Sessions(5, 0, 5)).Add(TenYearOld, Year, Sessions(10, 0, 0));

        var sum = a + b;

        Assert.Equal(3, sum.Enrolments);
        Assert.Equal(30, sum.Sessions.Possible);
        Assert.Equal(2, sum.PersistentlyAbsent);
        Assert.Equal(1, sum.SeverelyAbsent);
        Assert.Equal(66.67m, sum.PersistentAbsenceRate);
    }
}

public class ReportingPeriodTests
{
    [Fact]
    public void In_the_current_year_the_period_runs_to_today_and_the_term_is_todays()
    {
        var period = ReportingPeriod.For(new AcademicYear(2026), new DateOnly(2026, 11, 25));

        Assert.Equal(new DateOnly(2026, 11, 25), period.AsOf);
        Assert.Equal(TermName.Autumn, period.Term.Name);
        Assert.False(period.IsWholeYear);
    }

    [Fact]
    public void A_past_year_is_reported_whole_with_its_summer_term()
    {
        var period = ReportingPeriod.For(new AcademicYear(2024), new DateOnly(2026, 11, 25));

        Assert.Equal(new DateOnly(2025, 8, 31), period.AsOf);
        Assert.Equal(TermName.Summer, period.Term.Name);
        Assert.Equal(new DateOnly(2025, 4, 21), period.Term.Start); // Easter Monday 2025
        Assert.True(period.IsWholeYear);
    }

    [Fact]
    public void A_year_not_yet_begun_has_no_period()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.For(new AcademicYear(2027), new DateOnly(2026, 11, 25)));
    }

    [Fact]
    public void Weeks_start_on_the_monday_on_or_before_1_September_and_end_with_the_week_holding_today()
    {
        // 1 September 2026 is a Tuesday.
        var weeks = ReportingPeriod.For(new AcademicYear(2026), new DateOnly(2026, 9, 14)).WeekStarts().ToList();

        Assert.Equal([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 14)], weeks);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, w.DayOfWeek));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-28", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    public void MondayOf_finds_the_weeks_monday(string date, string monday)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(DateOnly.Parse(monday, culture), ReportingPeriod.MondayOf(DateOnly.Parse(date, culture)));
    }
}
