using Waymark.Domain.EarlyHelp;

namespace Waymark.Domain.Tests.EarlyHelp;

public class ReviewScheduleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("2027-01-20", null, "2027-03-03")]
    [InlineData("2027-01-31", null, "2027-03-14")] // across the end of January and a short February
    [InlineData("2028-01-20", null, "2028-03-02")] // across 29 February in a leap year
    [InlineData("2028-02-29", null, "2028-04-11")] // from a leap day
    [InlineData("2027-12-01", null, "2028-01-12")] // across the end of the year
    [InlineData("2027-01-01", "2027-02-20", "2027-04-03")] // the last review counts, not the plan
    public void A_review_is_due_six_weeks_after_the_plan_or_the_last_review(string agreed, string? lastReview, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ReviewSchedule.DueOn(DateOnly.Parse(agreed), lastReview is null ? null : DateOnly.Parse(lastReview)));

    [Fact]
    public void A_review_is_overdue_from_the_day_after_it_was_due()
    {
        var due = D(2027, 3, 3);
        Assert.False(ReviewSchedule.IsOverdue(due, due.AddDays(-1)));
        Assert.False(ReviewSchedule.IsOverdue(due, due));
        Assert.True(ReviewSchedule.IsOverdue(due, due.AddDays(1)));
        Assert.Equal(0, ReviewSchedule.DaysOverdue(due, due.AddDays(-5)));
        Assert.Equal(0, ReviewSchedule.DaysOverdue(due, due));
        Assert.Equal(3, ReviewSchedule.DaysOverdue(due, due.AddDays(3)));
    }

    [Fact]
    public void A_review_may_be_today_on_the_day_the_plan_was_agreed_or_on_the_day_of_the_last_review()
    {
        var today = D(2027, 3, 3);
        Assert.Null(ReviewSchedule.DateProblem(today, D(2027, 1, 20), null, today));
        Assert.Null(ReviewSchedule.DateProblem(D(2027, 1, 20), D(2027, 1, 20), null, today));
        Assert.Null(ReviewSchedule.DateProblem(D(2027, 2, 10), D(2027, 1, 20), D(2027, 2, 10), today));
    }

    [Fact]
    public void A_review_cannot_be_in_the_future_before_the_plan_or_before_the_last_review()
    {
        var today = D(2027, 3, 3);
        Assert.Equal("The review date must be today or in the past", ReviewSchedule.DateProblem(today.AddDays(1), D(2027, 1, 20), null, today));
        Assert.Equal("The review date must be on or after the day the plan was agreed, 20 January 2027",
            ReviewSchedule.DateProblem(D(2027, 1, 19), D(2027, 1, 20), null, today));
        Assert.Equal("The review date must be on or after the last review, 10 February 2027",
            ReviewSchedule.DateProblem(D(2027, 2, 9), D(2027, 1, 20), D(2027, 2, 10), today));
    }

    [Fact]
    public void A_date_in_the_future_is_reported_as_such_even_if_the_plan_was_agreed_later()
    {
        var today = D(2027, 3, 3);
        Assert.Equal("The review date must be today or in the past", ReviewSchedule.DateProblem(today.AddDays(2), today.AddDays(5), null, today));
    }
}

public class EarlyHelpConsentRulesTests
{
    private static readonly DateOnly Born = new(2015, 3, 10);

    [Fact]
    public void A_young_person_cannot_sign_the_day_before_their_twelfth_birthday()
    {
        var problem = EarlyHelpConsentRules.YoungPersonProblem(Born, new DateOnly(2027, 3, 9), judgedCompetent: true, "Sam");
        Assert.Equal("Sam is 11: a young person can sign their own consent from 12, so a parent or carer must give it", problem);
    }

    [Fact]
    public void A_young_person_judged_competent_can_sign_on_their_twelfth_birthday() =>
        Assert.Null(EarlyHelpConsentRules.YoungPersonProblem(Born, new DateOnly(2027, 3, 10), judgedCompetent: true, "Sam"));

    [Theory]
    [InlineData("2027-03-10", 12)]
    [InlineData("2031-03-09", 15)] // the day before their sixteenth birthday
    public void Under_16_without_competence_cannot_sign(string signedOn, int age)
    {
        var problem = EarlyHelpConsentRules.YoungPersonProblem(Born, DateOnly.Parse(signedOn), judgedCompetent: false, "Sam");
        Assert.Equal($"Sam is {age}: confirm that they understand what they are agreeing to (competence), or ask a parent or carer", problem);
    }

    [Fact]
    public void From_16_capacity_is_presumed_without_a_judgement_of_competence() =>
        Assert.Null(EarlyHelpConsentRules.YoungPersonProblem(Born, new DateOnly(2031, 3, 10), judgedCompetent: false, "Sam"));

    [Fact]
    public void Nobody_signs_before_they_were_born() =>
        Assert.Equal("Sam was not born on the date consent was given", EarlyHelpConsentRules.YoungPersonProblem(Born, Born.AddDays(-1), judgedCompetent: true, "Sam"));
}
