using Waymark.Domain.EarlyHelp;

namespace Waymark.Domain.Tests.EarlyHelp;

/// <summary>Which six-weekly reviews fell due in a period and whether each was held on time (the KPI's rule).</summary>
public class ReviewsDueTests
{
    private static readonly DateOnly Agreed = new(2026, 9, 7); // first review due 19 October 2026

    private static readonly DateOnly YearStart = new(2026, 9, 1);

    private static DateOnly D(int m, int d, int y = 2026) => new(y, m, d);

    [Fact]
    public void Reviews_held_every_six_weeks_are_all_on_time()
    {
        var due = ReviewSchedule.ReviewsDue(Agreed, [D(10, 19), D(11, 30)], null, YearStart, D(12, 6));

        Assert.Equal([new DueReview(D(10, 19), D(10, 19)), new DueReview(D(11, 30), D(11, 30))], due);
        Assert.All(due, r => Assert.True(r.OnTime));
    }

    [Fact]
    public void A_late_review_counts_as_late_and_moves_the_next_due_date()
    {
        // Due 19 October, held 22 October (late); the next is due 3 December, six weeks after the late review.
        var due = ReviewSchedule.ReviewsDue(Agreed, [D(10, 22), D(12, 1)], null, YearStart, D(12, 6));

        Assert.Equal([new DueReview(D(10, 19), D(10, 22)), new DueReview(D(12, 3), D(12, 1))], due);
        Assert.Equal([false, true], due.Select(r => r.OnTime));
    }

    [Fact]
    public void An_outstanding_review_is_late_from_the_day_after_it_was_due_and_counts_once()
    {
        Assert.Empty(ReviewSchedule.ReviewsDue(Agreed, [], null, YearStart, D(10, 19)));

        var dayAfter = ReviewSchedule.ReviewsDue(Agreed, [], null, YearStart, D(10, 20));
        Assert.Equal([new DueReview(D(10, 19), null)], dayAfter);
        Assert.False(dayAfter[0].OnTime);

        // Four months on, still one late review, not one for every six weeks since.
        Assert.Single(ReviewSchedule.ReviewsDue(Agreed, [], null, YearStart, D(2, 20, 2027)));
    }

    [Fact]
    public void A_review_held_after_the_period_is_outstanding_within_it()
    {
        var due = ReviewSchedule.ReviewsDue(Agreed, [D(10, 25)], null, YearStart, D(10, 22));

        Assert.Equal([new DueReview(D(10, 19), null)], due);
    }

    [Fact]
    public void Reviews_due_before_the_period_are_left_out_but_still_set_the_clock()
    {
        var agreed = D(6, 1);
        var due = ReviewSchedule.ReviewsDue(agreed, [D(7, 13), D(8, 20), D(10, 1)], null, YearStart, D(11, 12));

        // Due 13 July (before the year), 24 August (before the year, held 20 August), then 1 October: held that day.
        // The next is due 12 November, and on that day it is not yet late.
        Assert.Equal([new DueReview(D(10, 1), D(10, 1))], due);
    }

    [Fact]
    public void Nothing_falls_due_after_the_plan_closed()
    {
        Assert.Empty(ReviewSchedule.ReviewsDue(Agreed, [], D(10, 18), YearStart, D(12, 6)));

        // Closed on the day the review was due, without it: that review was missed.
        Assert.Equal([new DueReview(D(10, 19), null)], ReviewSchedule.ReviewsDue(Agreed, [], D(10, 19), YearStart, D(12, 6)));

        // Reviewed on time, then closed before the next fell due.
        Assert.Equal([new DueReview(D(10, 19), D(10, 19))], ReviewSchedule.ReviewsDue(Agreed, [D(10, 19)], D(11, 1), YearStart, D(12, 6)));
    }

    [Fact]
    public void A_review_dated_before_the_plan_was_agreed_is_ignored() =>
        Assert.Equal([new DueReview(D(10, 19), null)], ReviewSchedule.ReviewsDue(Agreed, [D(9, 1)], null, YearStart, D(10, 30)));
}
