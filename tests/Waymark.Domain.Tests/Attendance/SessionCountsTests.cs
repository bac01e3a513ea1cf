using Waymark.Domain.Attendance;

namespace Waymark.Domain.Tests.Attendance;

public class SessionCountsTests
{
    [Fact]
    public void Possible_sessions_leave_out_not_counted_ones()
    {
        var counts = new SessionCounts(Present: 300, ApprovedEducationalActivity: 10, Authorised: 40, Unauthorised: 30, NotCounted: 20);

        Assert.Equal(380, counts.Possible);
        Assert.Equal(310, counts.Attended);
        Assert.Equal(70, counts.Absent);
        Assert.Equal(81.58m, counts.AttendanceRate);
        Assert.Equal(18.42m, counts.OverallAbsenceRate);
        Assert.Equal(10.53m, counts.AuthorisedAbsenceRate);
        Assert.Equal(7.89m, counts.UnauthorisedAbsenceRate);
    }

    [Fact]
    public void Rates_are_null_without_possible_sessions()
    {
        var onlyClosures = new SessionCounts(0, 0, 0, 0, NotCounted: 12);

        Assert.Null(onlyClosures.AttendanceRate);
        Assert.Null(onlyClosures.OverallAbsenceRate);
        Assert.False(onlyClosures.IsPersistentlyAbsent);
        Assert.False(onlyClosures.IsSeverelyAbsent);
        Assert.Null(Rates.Percent(0, 0));
    }

    [Theory]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.25")]
    [InlineData(1, 400, "0.25")]
    [InlineData(1, 800, "0.13")] // 0.125 exactly: half away from zero, not to even (0.12)
    [InlineData(3, 800, "0.38")] // 0.375
    [InlineData(5, 800, "0.63")] // 0.625: banker's rounding would give 0.62
    [InlineData(1, 3, "33.33")]
    [InlineData(2, 3, "66.67")]
    [InlineData(37, 380, "9.74")]
    [InlineData(38, 380, "10")]
    [InlineData(379, 380, "99.74")]
    [InlineData(0, 380, "0")]
    [InlineData(380, 380, "100")]
    [InlineData(-1, 800, "-0.13")] // away from zero on the negative side too
    public void Percent_rounds_half_away_from_zero_to_two_places(long part, long whole, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rates.Percent(part, whole));
    }

    [Fact]
    public void Percent_handles_LA_sized_totals_without_overflow()
    {
        // 200,000 pupils × 380 sessions.
        Assert.Equal(95.00m, Rates.Percent(72_200_000, 76_000_000));
    }

    [Theory]
    [InlineData(38, 0, true)]
    [InlineData(37, 0, false)]
    [InlineData(20, 18, true)]
    [InlineData(20, 17, false)]
    [InlineData(0, 38, true)]
    public void Persistent_absence_is_ten_percent_or_more_of_380_sessions(int authorised, int unauthorised, bool persistent)
    {
        var present = 380 - authorised - unauthorised;
        var counts = new SessionCounts(present, 0, authorised, unauthorised, NotCounted: 6);

        Assert.Equal(380, counts.Possible);
        Assert.Equal(persistent, counts.IsPersistentlyAbsent);
    }

    [Theory]
    [InlineData(190, true)]
    [InlineData(189, false)]
    [InlineData(380, true)]
    public void Severe_absence_is_fifty_percent_or_more(int absent, bool severe)
    {
        var counts = new SessionCounts(380 - absent, 0, absent, 0, 0);

        Assert.Equal(severe, counts.IsSeverelyAbsent);
        Assert.True(counts.IsPersistentlyAbsent);
    }

    [Fact]
    public void The_edges_use_the_pupils_own_possible_sessions_not_a_fixed_count()
    {
        // A pupil who joined late: 1 absence in 10 possible sessions is 10%.
        Assert.True(new SessionCounts(9, 0, 0, 1, 0).IsPersistentlyAbsent);
        Assert.False(new SessionCounts(10, 0, 0, 1, 0).IsPersistentlyAbsent);
        Assert.True(new SessionCounts(1, 0, 1, 0, 0).IsSeverelyAbsent);
        Assert.False(new SessionCounts(2, 0, 1, 0, 0).IsSeverelyAbsent);
    }

    [Fact]
    public void Approved_educational_activity_is_attendance_not_absence()
    {
        var counts = new SessionCounts(0, ApprovedEducationalActivity: 10, 0, 0, 0);

        Assert.Equal(100m, counts.AttendanceRate);
        Assert.Equal(0m, counts.OverallAbsenceRate);
        Assert.False(counts.IsPersistentlyAbsent);
    }

    [Fact]
    public void Counts_add_and_grow_by_category()
    {
        var counts = default(SessionCounts)
            .With(AttendanceCategory.Present)
            .With(AttendanceCategory.ApprovedEducationalActivity)
            .With(AttendanceCategory.AuthorisedAbsence)
            .With(AttendanceCategory.UnauthorisedAbsence)
            .With(AttendanceCategory.UnauthorisedAbsence)
            .With(AttendanceCategory.NotCounted);

        Assert.Equal(new SessionCounts(1, 1, 1, 2, 1), counts);
        Assert.Equal(new SessionCounts(2, 2, 2, 4, 2), counts + counts);
    }
}
