using Waymark.Domain.Adulthood;

namespace Waymark.Domain.Tests.Adulthood;

public class PfaFollowUpTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("2012-09-01", "2026-08-31", false)] // the day before Year 9 starts
    [InlineData("2012-09-01", "2026-09-01", true)] // Year 9's first day, also the 14th birthday
    [InlineData("2013-08-31", "2026-09-01", true)] // the youngest in the year group is still 13 but in Year 9
    [InlineData("2013-08-31", "2026-08-31", false)]
    [InlineData("2012-02-29", "2025-09-01", true)] // a leap-day birthday: Year 9 from 2025
    public void From_Year_9_every_EHC_plan_review_must_consider_preparing_for_adulthood(string born, string review, bool must) =>
        Assert.Equal(must, PfaFollowUp.ReviewMustConsiderAdulthood(DateOnly.Parse(born), DateOnly.Parse(review)));

    [Fact]
    public void Something_is_overdue_from_the_day_after_it_was_due()
    {
        Assert.Equal(D(2026, 3, 1), PfaFollowUp.OverdueFrom(D(2026, 2, 28)));
        Assert.Equal(D(2027, 1, 1), PfaFollowUp.OverdueFrom(D(2026, 12, 31)));
    }

    [Fact]
    public void With_no_earlier_run_only_what_became_overdue_today_is_news()
    {
        var today = D(2026, 12, 7);
        Assert.True(PfaFollowUp.NewlyOverdue(D(2026, 12, 6), null, today));
        Assert.False(PfaFollowUp.NewlyOverdue(D(2026, 12, 5), null, today)); // the backlog
        Assert.False(PfaFollowUp.NewlyOverdue(D(2026, 12, 7), null, today)); // due today: not overdue yet
    }

    [Fact]
    public void After_a_run_everything_that_became_overdue_since_is_news_once()
    {
        var today = D(2026, 12, 7);
        // The job last ran on Friday 4th: what became overdue on Saturday, Sunday and today is new.
        Assert.False(PfaFollowUp.NewlyOverdue(D(2026, 12, 3), D(2026, 12, 4), today));
        Assert.True(PfaFollowUp.NewlyOverdue(D(2026, 12, 4), D(2026, 12, 4), today));
        Assert.True(PfaFollowUp.NewlyOverdue(D(2026, 12, 6), D(2026, 12, 4), today));
        Assert.False(PfaFollowUp.NewlyOverdue(D(2026, 12, 7), D(2026, 12, 4), today));

        // A second run on the same day finds nothing new.
        Assert.False(PfaFollowUp.NewlyOverdue(D(2026, 12, 6), today, today));
    }

    [Fact]
    public void The_next_pathway_plan_review_counts_from_the_last_review_or_else_the_plans_start()
    {
        Assert.Equal(D(2026, 8, 28), CareLeavers.NextReviewDue(D(2026, 2, 28), D(2025, 1, 10)));
        Assert.Equal(D(2025, 7, 10), CareLeavers.NextReviewDue(null, D(2025, 1, 10)));
        Assert.Equal(D(2026, 2, 28), CareLeavers.NextReviewDue(D(2025, 8, 31), null)); // the sixth month is shorter
        Assert.Null(CareLeavers.NextReviewDue(null, null));
    }
}
