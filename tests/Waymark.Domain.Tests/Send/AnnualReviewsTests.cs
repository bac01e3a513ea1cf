using Waymark.Domain.Send;

namespace Waymark.Domain.Tests.Send;

public class AnnualReviewsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2027-05-24", null, "2028-05-24")]
    [InlineData("2028-02-29", null, "2029-02-28")] // from a leap day: the last day still within 12 months
    [InlineData("2027-02-28", null, "2028-02-28")] // into a leap year: not moved to the 29th
    [InlineData("2026-05-24", "2027-04-30", "2028-04-30")] // the last review counts, not the plan
    public void A_review_is_due_within_12_months_of_the_plan_or_last_review(string issued, string? last, string expected) =>
        Assert.Equal(D(expected), AnnualReviews.DueOn(D(issued), last is null ? null : D(last)));

    [Fact]
    public void Notice_report_decision_and_amendment_deadlines_follow_the_meeting()
    {
        var meeting = D("2028-03-14");
        Assert.Equal(D("2028-02-29"), AnnualReviews.NoticeBy(meeting)); // two weeks back lands on a leap day
        Assert.Equal(D("2028-03-28"), AnnualReviews.ReportDueOn(meeting));
        Assert.Equal(D("2028-04-11"), AnnualReviews.DecisionDueOn(meeting));
        Assert.Equal(D("2028-06-06"), AnnualReviews.AmendedPlanDueOn(D("2028-04-11")));
    }

    [Fact]
    public void Review_dates_are_checked()
    {
        var today = D("2027-06-01");
        var issued = D("2026-06-10");
        Assert.Null(AnnualReviews.MeetingProblem(D("2027-05-20"), issued, null, today));
        Assert.Equal("The date of the review meeting must be today or in the past", AnnualReviews.MeetingProblem(today.AddDays(1), issued, null, today));
        Assert.Equal("The date of the review meeting must be on or after the plan was issued, 10 June 2026",
            AnnualReviews.MeetingProblem(D("2026-06-09"), issued, null, today));
        Assert.Equal("The date of the review meeting must be after the last review, 20 May 2027",
            AnnualReviews.MeetingProblem(D("2027-05-20"), issued, D("2027-05-20"), today));

        Assert.Null(AnnualReviews.FollowUpProblem("of the decision", null, D("2027-05-20"), "the meeting", today));
        Assert.Equal("The date of the decision must be on or after the meeting, 20 May 2027",
            AnnualReviews.FollowUpProblem("of the decision", D("2027-05-19"), D("2027-05-20"), "the meeting", today));
        Assert.Equal("The date of the decision must be today or in the past",
            AnnualReviews.FollowUpProblem("of the decision", today.AddDays(1), D("2027-05-20"), "the meeting", today));
    }

    [Fact]
    public void Every_outcome_has_a_name() =>
        Assert.All(Enum.GetValues<ReviewOutcome>(), o => Assert.False(string.IsNullOrWhiteSpace(AnnualReviews.DisplayName(o))));
}
