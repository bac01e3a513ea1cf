using Waymark.Domain.Send;

namespace Waymark.Domain.Tests.Send;

public class EhcTimescalesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2028-02-29", "2028-04-11", "2028-07-18")] // a request on a leap day
    [InlineData("2027-02-28", "2027-04-11", "2027-07-18")] // the same day of the year without a leap day
    [InlineData("2027-12-01", "2028-01-12", "2028-04-19")] // across the new year and a 29 February
    [InlineData("2026-10-24", "2026-12-05", "2027-03-13")] // across the end of a year
    public void Decision_is_due_6_weeks_and_the_final_plan_20_weeks_after_the_request(string requested, string decision, string final)
    {
        Assert.Equal(D(decision), EhcTimescales.DecisionDueOn(D(requested)));
        Assert.Equal(D(final), EhcTimescales.FinalPlanDueOn(D(requested)));
    }

    [Fact]
    public void A_deadline_on_a_weekend_stays_on_the_weekend_because_the_regulations_count_calendar_days()
    {
        // Saturday 3 January 2026: 6 and 20 weeks on are Saturdays too; the deadline is not moved to the Friday or Monday.
        var requested = D("2026-01-03");
        Assert.Equal(DayOfWeek.Saturday, requested.DayOfWeek);
        Assert.Equal(D("2026-02-14"), EhcTimescales.DecisionDueOn(requested));
        Assert.Equal(DayOfWeek.Saturday, EhcTimescales.DecisionDueOn(requested).DayOfWeek);
        Assert.Equal(D("2026-05-23"), EhcTimescales.FinalPlanDueOn(requested));
        var due = EhcTimescales.DecisionDueOn(requested);
        Assert.True(EhcTimescales.IsOverdue(due, D("2026-02-16"))); // the Monday after is already late
    }

    [Fact]
    public void The_deadline_day_itself_is_in_time_and_the_day_after_is_overdue()
    {
        var due = D("2027-03-13");
        Assert.Equal(1, EhcTimescales.DaysLeft(due, due.AddDays(-1)));
        Assert.Equal(0, EhcTimescales.DaysLeft(due, due));
        Assert.Equal(-1, EhcTimescales.DaysLeft(due, due.AddDays(1)));
        Assert.False(EhcTimescales.IsOverdue(due, due));
        Assert.True(EhcTimescales.IsOverdue(due, due.AddDays(1)));
        Assert.True(EhcTimescales.InTime(due, due));
        Assert.False(EhcTimescales.InTime(due, due.AddDays(1)));
    }

    [Fact]
    public void The_draft_gives_15_days_to_comment_and_a_transferred_plan_a_6_week_letter()
    {
        Assert.Equal(D("2028-03-15"), EhcTimescales.EarliestFinalAfterDraft(D("2028-02-29")));
        Assert.Equal(D("2028-04-11"), EhcTimescales.TransferLetterDueOn(D("2028-02-29")));
        Assert.Equal(D("2027-06-20"), EhcTimescales.NoPlanNoticeDueOn(D("2027-02-28")));
    }

    [Fact]
    public void Every_exception_has_a_name()
    {
        Assert.Equal(4, TimescaleExceptions.All.Count);
        Assert.All(TimescaleExceptions.All, e => Assert.False(string.IsNullOrWhiteSpace(TimescaleExceptions.DisplayName(e))));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimescaleExceptions.DisplayName((TimescaleException)99));
    }
}
