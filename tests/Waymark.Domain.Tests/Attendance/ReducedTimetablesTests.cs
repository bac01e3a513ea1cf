using Waymark.Domain.Attendance;

namespace Waymark.Domain.Tests.Attendance;

public sealed class ReducedTimetablesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static ReducedTimetableDetails Valid() => new(
        Start: new DateOnly(2026, 11, 30), PlannedEnd: new DateOnly(2027, 1, 8), HoursPerWeek: 15m,
        Reason: ReducedTimetableReason.MedicalNeeds, ReasonDetail: null, ParentAgreedBy: "Kerry Clarke (mother)",
        ParentAgreedOn: new DateOnly(2026, 11, 20), PlanToFullTime: "Week 1-2 mornings; week 3-4 add two afternoons; full time from 11 January",
        EarlyHelpConsidered: true, EarlyHelpOutcome: "Family already supported by early help", SocialWorkerInformedOn: null);

    private static IEnumerable<string> Fields(ReducedTimetableDetails d) => ReducedTimetables.Validate(d, Today).Select(e => e.Field);

    [Fact]
    public void A_complete_timetable_is_accepted() => Assert.Empty(ReducedTimetables.Validate(Valid(), Today));

    [Fact]
    public void Without_the_parents_agreement_it_is_refused_naming_both_fields()
    {
        var errors = ReducedTimetables.Validate(Valid() with { ParentAgreedBy = "  ", ParentAgreedOn = null }, Today);

        Assert.Equal(["ParentAgreedBy", "ParentAgreedOn"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains("cannot be recorded without a parent’s agreement", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Agreement_must_come_before_the_start_and_not_in_the_future()
    {
        Assert.Equal(["ParentAgreedOn"], Fields(Valid() with { ParentAgreedOn = Today.AddDays(1) }));
        Assert.Equal(["ParentAgreedOn"], Fields(Valid() with { Start = new DateOnly(2026, 11, 19) }));
        Assert.Empty(Fields(Valid() with { ParentAgreedOn = Today }));
        Assert.Empty(Fields(Valid() with { ParentAgreedOn = Today, Start = Today }));
    }

    [Fact]
    public void Managing_behaviour_is_refused_quoting_the_guidance()
    {
        var chosen = ReducedTimetables.Validate(Valid() with { Reason = ReducedTimetableReason.ManagingBehaviour }, Today);
        var written = ReducedTimetables.Validate(Valid() with { Reason = ReducedTimetableReason.Other, ReasonDetail = "To manage his Behaviour at lunchtimes" }, Today);

        Assert.Equal(("Reason", ReducedTimetables.BehaviourRefusal), Assert.Single(chosen));
        Assert.Equal(("ReasonDetail", ReducedTimetables.BehaviourRefusal), Assert.Single(written));
        Assert.Contains("must not be used to manage a pupil’s behaviour", ReducedTimetables.BehaviourRefusal, StringComparison.Ordinal);
        Assert.Contains("Working Together to Improve School Attendance", ReducedTimetables.BehaviourRefusal, StringComparison.Ordinal);
        Assert.DoesNotContain(ReducedTimetableReason.ManagingBehaviour, ReducedTimetables.Offered);
    }

    [Fact]
    public void Other_needs_its_detail()
    {
        Assert.Equal(["ReasonDetail"], Fields(Valid() with { Reason = ReducedTimetableReason.Other, ReasonDetail = "" }));
        Assert.Empty(Fields(Valid() with { Reason = ReducedTimetableReason.Other, ReasonDetail = "Young carer during a parent’s treatment" }));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.5", true)]
    [InlineData("32.49", true)]
    [InlineData("32.5", false)]
    [InlineData("35", false)]
    [InlineData("-3", false)]
    public void Hours_must_be_more_than_none_and_fewer_than_a_full_week(string text, bool accepted)
    {
        var hours = ReducedTimetables.ParseHours(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(accepted, ReducedTimetables.HoursProblem(hours!.Value) is null);
        Assert.Equal(accepted, !Fields(Valid() with { HoursPerWeek = hours.Value }).Contains("HoursPerWeek"));
    }

    [Theory]
    [InlineData("", "Enter the hours a week")]
    [InlineData("fifteen", "Hours a week must be a number, like 15 or 12.5")]
    [InlineData("12.555", "Hours a week must be a number, like 15 or 12.5")]
    public void Hours_that_are_not_a_number_are_named(string text, string message)
    {
        Assert.Null(ReducedTimetables.ParseHours(text, out var problem));
        Assert.Equal(message, problem);
    }

    [Fact]
    public void Hours_may_say_hours() => Assert.Equal(12.5m, ReducedTimetables.ParseHours(" 12.5 hours ", out _));

    [Fact]
    public void Full_time_is_a_32_and_a_half_hour_week() =>
        Assert.Contains("fewer than 32.5", ReducedTimetables.HoursProblem(32.5m), StringComparison.Ordinal);

    [Fact]
    public void The_planned_end_is_required_to_be_after_the_start()
    {
        Assert.Equal(["PlannedEndDate"], Fields(Valid() with { PlannedEnd = new DateOnly(2026, 11, 30) }));
        Assert.Empty(Fields(Valid() with { PlannedEnd = new DateOnly(2026, 12, 1) }));
    }

    [Fact]
    public void Early_help_is_required_and_the_plan_back_may_follow_at_a_review()
    {
        Assert.Empty(Fields(Valid() with { PlanToFullTime = " " }));
        Assert.Empty(Fields(Valid() with { PlanToFullTime = null }));
        Assert.Equal(["EarlyHelpConsidered"], Fields(Valid() with { EarlyHelpConsidered = null, EarlyHelpOutcome = null }));
        Assert.Equal(["EarlyHelpOutcome"], Fields(Valid() with { EarlyHelpOutcome = null }));
        Assert.Empty(Fields(Valid() with { EarlyHelpConsidered = false, EarlyHelpOutcome = null }));
    }

    [Fact]
    public void Long_text_and_future_dates_are_refused()
    {
        Assert.Equal(["PlanToFullTime"], Fields(Valid() with { PlanToFullTime = new string('x', 4001) }));
        Assert.Equal(["SocialWorkerInformedOn"], Fields(Valid() with { SocialWorkerInformedOn = Today.AddDays(1) }));
    }

    [Fact]
    public void A_review_needs_who_came_the_outcome_and_a_later_next_review()
    {
        var start = new DateOnly(2026, 11, 2);
        var good = new ReducedTimetableReviewDetails(Today, "Mum, SENCo, pupil", "Attending every morning", 20m, Today.AddDays(14));

        Assert.Empty(ReducedTimetables.ValidateReview(good, start, Today));
        Assert.Empty(ReducedTimetables.ValidateReview(good with { NewHoursPerWeek = null }, start, Today));
        Assert.Equal(["ReviewedOn"], ReducedTimetables.ValidateReview(good with { ReviewedOn = Today.AddDays(1), NextReviewOn = Today.AddDays(9) }, start, Today).Select(e => e.Field));
        Assert.Equal(["ReviewedOn"], ReducedTimetables.ValidateReview(good with { ReviewedOn = start.AddDays(-1) }, start, Today).Select(e => e.Field));
        Assert.Equal(["Attendees", "Outcome"], ReducedTimetables.ValidateReview(good with { Attendees = "", Outcome = null }, start, Today).Select(e => e.Field));
        Assert.Equal(["NewHoursPerWeek"], ReducedTimetables.ValidateReview(good with { NewHoursPerWeek = 32.5m }, start, Today).Select(e => e.Field));
        Assert.Equal(["NextReviewOn"], ReducedTimetables.ValidateReview(good with { NextReviewOn = Today }, start, Today).Select(e => e.Field));
        Assert.Equal(["NextReviewOn"], ReducedTimetables.ValidateReview(good with { NextReviewOn = null }, start, Today).Select(e => e.Field));
    }

    [Fact]
    public void The_return_to_full_time_is_between_the_start_and_today()
    {
        var start = new DateOnly(2026, 11, 2);

        Assert.Empty(ReducedTimetables.ValidateEnd(start, start, Today));
        Assert.Empty(ReducedTimetables.ValidateEnd(Today, start, Today));
        Assert.Equal("EndedOn", Assert.Single(ReducedTimetables.ValidateEnd(start.AddDays(-1), start, Today)).Field);
        Assert.Equal("EndedOn", Assert.Single(ReducedTimetables.ValidateEnd(Today.AddDays(1), start, Today)).Field);
    }
}
