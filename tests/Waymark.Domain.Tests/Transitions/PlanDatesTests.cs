using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class PlanDatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Arrangements_may_be_today_but_not_yesterday()
    {
        Assert.Null(PlanDates.NotInPast(Today, Today, "The meeting date"));
        Assert.Equal("The meeting date must be today or in the future", PlanDates.NotInPast(Today.AddDays(-1), Today, "The meeting date"));
    }

    [Fact]
    public void Things_that_happened_may_be_today_but_not_tomorrow()
    {
        Assert.Null(PlanDates.NotInFuture(Today, Today, "The date consent was given"));
        Assert.Equal("The date consent was given must be today or in the past", PlanDates.NotInFuture(Today.AddDays(1), Today, "The date consent was given"));
    }
}
