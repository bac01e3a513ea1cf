using Waymark.Domain.Auditing;

namespace Waymark.Domain.Tests.Auditing;

public class UnusualAccessTests
{
    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) => new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Theory]
    [InlineData(2027, 3, 3, 6, 59, true)] // Wednesday, before seven
    [InlineData(2027, 3, 3, 7, 0, false)]
    [InlineData(2027, 3, 3, 12, 30, false)]
    [InlineData(2027, 3, 3, 18, 59, false)]
    [InlineData(2027, 3, 3, 19, 0, true)]
    [InlineData(2027, 3, 3, 23, 30, true)]
    [InlineData(2027, 3, 3, 0, 0, true)]
    [InlineData(2027, 3, 6, 12, 0, true)] // Saturday
    [InlineData(2027, 3, 7, 10, 0, true)] // Sunday
    [InlineData(2027, 3, 8, 7, 0, false)] // Monday
    public void Out_of_hours_is_before_seven_from_seven_in_the_evening_and_at_weekends(int y, int m, int d, int hour, int minute, bool expected) =>
        Assert.Equal(expected, UnusualAccess.IsOutOfHours(Local(y, m, d, hour, minute)));

    [Fact]
    public void Out_of_hours_follows_uk_time_not_utc()
    {
        // In British Summer Time 06:30 UTC is 07:30 in the UK: working hours. In winter 06:30 UTC is 06:30: not.
        Assert.False(UnusualAccess.IsOutOfHoursUtc(Utc(2027, 7, 7, 6, 30)));
        Assert.True(UnusualAccess.IsOutOfHoursUtc(Utc(2027, 1, 6, 6, 30)));

        // 18:30 UTC in summer is 19:30 in the UK.
        Assert.True(UnusualAccess.IsOutOfHoursUtc(Utc(2027, 7, 7, 18, 30)));
        Assert.False(UnusualAccess.IsOutOfHoursUtc(Utc(2027, 1, 6, 18, 30)));
    }

    [Fact]
    public void A_weekend_is_one_period_from_friday_evening_to_monday_morning()
    {
        var periods = UnusualAccess.OutOfHoursUtc(new DateOnly(2027, 1, 8), new DateOnly(2027, 1, 11)); // Friday to Monday, winter

        Assert.Equal(
            [(Utc(2027, 1, 8, 0, 0), Utc(2027, 1, 8, 7, 0)), (Utc(2027, 1, 8, 19, 0), Utc(2027, 1, 11, 7, 0)), (Utc(2027, 1, 11, 19, 0), Utc(2027, 1, 12, 0, 0))],
            periods);
    }

    [Theory]
    [InlineData("2027-03-22", "2027-04-04")] // into British Summer Time (28 March)
    [InlineData("2027-10-25", "2027-11-07")] // and out of it (31 October)
    [InlineData("2027-01-01", "2027-01-14")]
    public void The_periods_hold_exactly_the_out_of_hours_minutes_across_clock_changes(string fromText, string toText)
    {
        var from = DateOnly.Parse(fromText, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(toText, System.Globalization.CultureInfo.InvariantCulture);
        var periods = UnusualAccess.OutOfHoursUtc(from, to);
        var start = UnusualAccess.UkDayStartUtc(from);
        var end = UnusualAccess.UkDayStartUtc(to.AddDays(1));

        Assert.Equal(start, periods[0].FromUtc);
        Assert.Equal(end, periods[^1].ToUtc);
        for (var t = start; t < end; t = t.AddMinutes(5))
        {
            var inPeriod = periods.Any(p => p.FromUtc <= t && t < p.ToUtc);
            Assert.True(UnusualAccess.IsOutOfHoursUtc(t) == inPeriod, $"{t:u}: rule {UnusualAccess.IsOutOfHoursUtc(t)}, periods {inPeriod}");
        }
    }

    [Fact]
    public void The_day_starts_at_uk_midnight()
    {
        Assert.Equal(Utc(2027, 6, 30, 23, 0), UnusualAccess.UkDayStartUtc(new DateOnly(2027, 7, 1)));
        Assert.Equal(Utc(2027, 1, 1, 0, 0), UnusualAccess.UkDayStartUtc(new DateOnly(2027, 1, 1)));
    }

    private static List<ChildRead> Reads(string user, int children, DateTime start, TimeSpan apart, int timesEach = 1)
    {
        var ids = Enumerable.Range(0, children).Select(_ => Guid.NewGuid()).ToList();
        var reads = new List<ChildRead>();
        var at = start;
        foreach (var id in ids)
        {
            for (var i = 0; i < timesEach; i++)
            {
                reads.Add(new ChildRead(user, id, at));
                at += apart;
            }
        }

        return reads;
    }

    [Fact]
    public void Thirty_children_in_ten_minutes_is_not_unusual_thirty_one_is()
    {
        var start = Utc(2027, 3, 3, 10, 0);

        Assert.Empty(UnusualAccess.FindBursts(Reads("a", 30, start, TimeSpan.FromSeconds(15))));

        var burst = Assert.Single(UnusualAccess.FindBursts(Reads("a", 31, start, TimeSpan.FromSeconds(15))));
        Assert.Equal(("a", start, start.AddSeconds(30 * 15), 31, 31), (burst.UserId, burst.FirstUtc, burst.LastUtc, burst.Children, burst.Reads));
    }

    [Fact]
    public void The_same_children_again_do_not_count_twice()
    {
        // 20 children, each opened three times (record, attendance, suspensions) in five minutes.
        Assert.Empty(UnusualAccess.FindBursts(Reads("a", 20, Utc(2027, 3, 3, 10, 0), TimeSpan.FromSeconds(5), timesEach: 3)));
    }

    [Fact]
    public void Thirty_one_children_spread_over_more_than_ten_minutes_are_not_unusual()
    {
        // One every 20 seconds: 31 reads take 10 minutes exactly, so the 31st is in no window with the first.
        Assert.Single(UnusualAccess.FindBursts(Reads("a", 31, Utc(2027, 3, 3, 10, 0), TimeSpan.FromSeconds(20))));
        Assert.Empty(UnusualAccess.FindBursts(Reads("a", 31, Utc(2027, 3, 3, 10, 0), TimeSpan.FromSeconds(21))));
    }

    [Fact]
    public void A_long_spree_is_one_run_with_every_child_and_separate_sprees_are_separate_runs()
    {
        var morning = Reads("a", 100, Utc(2027, 3, 3, 9, 0), TimeSpan.FromSeconds(10));
        var afternoon = Reads("a", 40, Utc(2027, 3, 3, 15, 0), TimeSpan.FromSeconds(10));

        var bursts = UnusualAccess.FindBursts([.. morning, .. afternoon]);

        Assert.Equal(2, bursts.Count);
        Assert.Equal((40, Utc(2027, 3, 3, 15, 0)), (bursts[0].Children, bursts[0].FirstUtc));
        Assert.Equal((100, 100, Utc(2027, 3, 3, 9, 0), Utc(2027, 3, 3, 9, 0).AddSeconds(990)), (bursts[1].Children, bursts[1].Reads, bursts[1].FirstUtc, bursts[1].LastUtc));
    }

    [Fact]
    public void Users_are_judged_separately()
    {
        // Two users reading 20 children each, interleaved in the same minutes: neither passes the threshold.
        var start = Utc(2027, 3, 3, 10, 0);
        var reads = Reads("a", 20, start, TimeSpan.FromSeconds(10)).Concat(Reads("b", 20, start.AddSeconds(5), TimeSpan.FromSeconds(10)));

        Assert.Empty(UnusualAccess.FindBursts(reads));
    }

    [Fact]
    public void The_threshold_and_window_can_be_chosen()
    {
        var reads = Reads("a", 6, Utc(2027, 3, 3, 10, 0), TimeSpan.FromSeconds(50));

        Assert.Single(UnusualAccess.FindBursts(reads, threshold: 5, within: TimeSpan.FromMinutes(5)));
        Assert.Empty(UnusualAccess.FindBursts(reads, threshold: 5, within: TimeSpan.FromMinutes(4)));
        Assert.Empty(UnusualAccess.FindBursts(reads, threshold: 6, within: TimeSpan.FromMinutes(5)));
    }
}
