using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class InterventionsTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static IReadOnlyList<(string Field, string Message)> Validate(
        DateOnly? start = null, DateOnly? end = null, int planned = 10, int attended = 4, int? before = null, int? after = null) =>
        Interventions.ValidateEnrolment(start ?? Today.AddDays(-30), end, planned, attended, before, after, Today);

    [Fact]
    public void A_sound_enrolment_has_no_errors()
    {
        Assert.Empty(Validate(end: Today, before: 12, after: 20));
    }

    [Fact]
    public void An_ongoing_enrolment_without_scores_is_sound()
    {
        Assert.Empty(Validate());
    }

    [Fact]
    public void The_end_date_may_be_the_start_date()
    {
        Assert.Empty(Validate(start: Today, end: Today, attended: 1, planned: 1));
    }

    [Fact]
    public void The_end_date_cannot_be_before_the_start_date()
    {
        var errors = Validate(start: Today.AddDays(-5), end: Today.AddDays(-6));

        Assert.Equal([("EndDate", "The end date must be the same as or after the start date")], errors);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public void Sessions_planned_must_be_between_0_and_500(int planned)
    {
        var errors = Validate(planned: planned, attended: 0);

        Assert.Contains(("SessionsPlanned", "Sessions planned must be between 0 and 500"), errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    public void The_bounds_of_sessions_planned_are_allowed(int planned)
    {
        Assert.Empty(Validate(planned: planned, attended: 0));
    }

    [Fact]
    public void Sessions_attended_cannot_be_negative()
    {
        Assert.Equal([("SessionsAttended", "Sessions attended must be 0 or more")], Validate(attended: -1));
    }

    [Fact]
    public void Sessions_attended_cannot_exceed_those_planned()
    {
        Assert.Equal([("SessionsAttended", "Sessions attended cannot be more than the sessions planned")], Validate(planned: 6, attended: 7));
    }

    [Fact]
    public void Every_planned_session_may_have_been_attended()
    {
        Assert.Empty(Validate(planned: 6, attended: 6));
    }

    [Fact]
    public void No_session_can_have_been_attended_before_a_future_start()
    {
        var errors = Validate(start: Today.AddDays(1), attended: 1);

        Assert.Equal([("SessionsAttended", "Sessions cannot have been attended before the intervention starts")], errors);
    }

    [Fact]
    public void A_future_enrolment_with_nothing_attended_is_sound()
    {
        Assert.Empty(Validate(start: Today.AddDays(14), attended: 0));
    }

    [Fact]
    public void A_score_after_needs_a_score_before()
    {
        var errors = Validate(end: Today, after: 30);

        Assert.Equal([("ScoreBefore", "Enter the score before the intervention as well as the score after")], errors);
    }

    [Fact]
    public void A_score_after_needs_an_end_date()
    {
        var errors = Validate(before: 10, after: 30);

        Assert.Equal([("EndDate", "Enter the end date before recording the score after the intervention")], errors);
    }

    [Fact]
    public void A_score_before_alone_is_sound()
    {
        Assert.Empty(Validate(before: 10));
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var errors = Interventions.ValidateEnrolment(Today.AddDays(3), Today, 2, 3, null, 5, Today);

        Assert.Equal(
            [
                ("EndDate", "The end date must be the same as or after the start date"),
                ("SessionsAttended", "Sessions attended cannot be more than the sessions planned"),
                ("SessionsAttended", "Sessions cannot have been attended before the intervention starts"),
                ("ScoreBefore", "Enter the score before the intervention as well as the score after"),
            ],
            errors);
    }

    [Theory]
    [InlineData(12, 20, 8)]
    [InlineData(20, 12, -8)]
    [InlineData(15, 15, 0)]
    public void The_change_in_score_is_after_minus_before(int before, int after, int change)
    {
        Assert.Equal(change, Interventions.ScoreChange(before, after));
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData(12, null)]
    [InlineData(null, null)]
    public void There_is_no_change_without_both_scores(int? before, int? after)
    {
        Assert.Null(Interventions.ScoreChange(before, after));
    }

    [Theory]
    [InlineData(6, "+6")]
    [InlineData(0, "No change")]
    [InlineData(-2, "-2")]
    public void A_change_is_described_with_its_sign(int change, string expected)
    {
        Assert.Equal(expected, Interventions.DescribeChange(change));
    }

    [Theory]
    [InlineData("Mentoring", "mentoring")]
    [InlineData("Behaviour outreach", "  BEHAVIOUR   outreach ")]
    public void Names_differing_only_in_case_or_spacing_are_duplicates(string existing, string name)
    {
        Assert.True(Interventions.IsDuplicateName(name, ["Resilience programme", existing]));
    }

    [Fact]
    public void A_new_name_is_not_a_duplicate()
    {
        Assert.False(Interventions.IsDuplicateName("Mentoring plus", ["Mentoring", "Resilience programme"]));
    }
}
