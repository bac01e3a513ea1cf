using Waymark.Domain.Send;

namespace Waymark.Domain.Tests.Send;

public class NeedsAssessmentClockTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DateOnly Requested = D("2027-01-04");

    [Fact]
    public void A_new_request_waits_for_the_decision_due_6_weeks_on()
    {
        var reading = NeedsAssessmentClock.Read(new NeedsAssessmentDates(Requested), D("2027-02-01"));
        Assert.Equal(AssessmentStage.AwaitingDecision, reading.Stage);
        Assert.Equal(D("2027-02-15"), reading.DueOn);
        Assert.Equal(14, reading.DaysLeft);
        Assert.Equal("14 days left", reading.DaysText);
        Assert.False(reading.IsOverdue);
    }

    [Fact]
    public void An_undecided_request_after_6_weeks_is_overdue()
    {
        var reading = NeedsAssessmentClock.Read(new NeedsAssessmentDates(Requested), D("2027-02-18"));
        Assert.True(reading.IsOverdue);
        Assert.Equal(-3, reading.DaysLeft);
        Assert.Equal("3 days overdue", reading.DaysText);
    }

    [Fact]
    public void After_the_decision_to_assess_the_final_plan_is_due_20_weeks_after_the_request()
    {
        var dates = new NeedsAssessmentDates(Requested, D("2027-02-10"), AssessmentDecision.Assess);
        var reading = NeedsAssessmentClock.Read(dates, D("2027-05-24"));
        Assert.Equal(AssessmentStage.Assessing, reading.Stage);
        Assert.Equal(D("2027-05-24"), reading.DueOn);
        Assert.Equal("Due today", reading.DaysText);
        Assert.False(reading.IsOverdue);

        var drafted = dates with { DraftSentOn = D("2027-04-20") };
        var late = NeedsAssessmentClock.Read(drafted, D("2027-05-25"));
        Assert.Equal(AssessmentStage.DraftSent, late.Stage);
        Assert.True(late.IsOverdue);
        Assert.Equal("1 day overdue", late.DaysText);
    }

    [Theory]
    [InlineData(AssessmentDecision.NotAssess, null, null, AssessmentStage.NotAssessing)]
    [InlineData(AssessmentDecision.Assess, "2027-05-01", null, AssessmentStage.NoPlan)]
    [InlineData(AssessmentDecision.Assess, null, "2027-05-20", AssessmentStage.PlanIssued)]
    public void A_closed_case_has_no_deadline_and_is_never_overdue(AssessmentDecision decision, string? noPlan, string? final, AssessmentStage stage)
    {
        var dates = new NeedsAssessmentDates(Requested, D("2027-02-10"), decision, final is null ? null : D("2027-04-20"),
            final is null ? null : D(final), noPlan is null ? null : D(noPlan));
        var reading = NeedsAssessmentClock.Read(dates, D("2028-01-01"));
        Assert.Equal(stage, reading.Stage);
        Assert.True(AssessmentStages.IsClosed(stage));
        Assert.Null(reading.DueOn);
        Assert.Null(reading.DaysLeft);
        Assert.False(reading.IsOverdue);
        Assert.Equal("Clock stopped", reading.DaysText);
    }

    [Fact]
    public void A_recorded_exception_excuses_the_deadline_but_keeps_the_dates()
    {
        var dates = new NeedsAssessmentDates(Requested, Exception: TimescaleException.AbsentFromArea);
        var reading = NeedsAssessmentClock.Read(dates, D("2027-03-01"));
        Assert.True(reading.Excused);
        Assert.False(reading.IsOverdue);
        Assert.Equal(D("2027-02-15"), reading.DueOn);
        Assert.True(reading.DaysLeft < 0);
    }

    [Fact]
    public void Plans_in_time_and_late_are_counted_and_exception_cases_are_not()
    {
        var inTime = new NeedsAssessmentDates(Requested, D("2027-02-10"), AssessmentDecision.Assess, D("2027-04-20"), D("2027-05-24"));
        Assert.True(NeedsAssessmentClock.FinalPlanInTime(inTime));
        Assert.False(NeedsAssessmentClock.FinalPlanInTime(inTime with { FinalPlanOn = D("2027-05-25") }));
        Assert.Null(NeedsAssessmentClock.FinalPlanInTime(inTime with { Exception = TimescaleException.MissedAppointment }));
        Assert.Null(NeedsAssessmentClock.FinalPlanInTime(inTime with { FinalPlanOn = null }));
    }

    [Fact]
    public void Dates_out_of_order_or_in_the_future_are_refused_with_the_reason()
    {
        var today = D("2027-06-01");
        Assert.Equal("The date of the request must be today or in the past", NeedsAssessmentClock.RequestProblem(today.AddDays(1), today));
        Assert.Null(NeedsAssessmentClock.RequestProblem(today, today));

        var requested = new NeedsAssessmentDates(Requested);
        Assert.Equal("The date of the decision must be on or after the request, 4 January 2027",
            NeedsAssessmentClock.DecisionProblem(requested, Requested.AddDays(-1), today));
        Assert.Null(NeedsAssessmentClock.DecisionProblem(requested, Requested, today));
        Assert.NotNull(NeedsAssessmentClock.DecisionProblem(requested, today.AddDays(1), today));

        Assert.Equal("Record the decision to assess before the draft plan", NeedsAssessmentClock.DraftProblem(requested, today, today));
        var notAssessing = requested with { DecidedOn = D("2027-02-01"), Decision = AssessmentDecision.NotAssess };
        Assert.Equal("Record the decision to assess before the draft plan", NeedsAssessmentClock.DraftProblem(notAssessing, today, today));
        var assessing = requested with { DecidedOn = D("2027-02-01"), Decision = AssessmentDecision.Assess };
        Assert.NotNull(NeedsAssessmentClock.DraftProblem(assessing, D("2027-01-31"), today));
        Assert.Null(NeedsAssessmentClock.DraftProblem(assessing, D("2027-02-01"), today));

        Assert.Equal("Record the draft plan before the final plan", NeedsAssessmentClock.FinalPlanProblem(assessing, today, today));
        var drafted = assessing with { DraftSentOn = D("2027-04-20") };
        Assert.Equal("The final plan cannot be issued before 5 May 2027: the family has 15 days from the draft to comment",
            NeedsAssessmentClock.FinalPlanProblem(drafted, D("2027-05-04"), today));
        Assert.Null(NeedsAssessmentClock.FinalPlanProblem(drafted, D("2027-05-05"), today));
        Assert.NotNull(NeedsAssessmentClock.FinalPlanProblem(drafted, today.AddDays(1), today));

        Assert.NotNull(NeedsAssessmentClock.NoPlanProblem(requested, today, today));
        Assert.NotNull(NeedsAssessmentClock.NoPlanProblem(assessing, D("2027-01-31"), today));
        Assert.Null(NeedsAssessmentClock.NoPlanProblem(assessing, D("2027-05-01"), today));
    }

    [Fact]
    public void While_assessing_a_decision_not_to_issue_a_plan_is_due_by_week_16_then_only_the_final_plan()
    {
        // Requested Monday 4 January 2027: 16 weeks is 112 days, Monday 26 April; 20 weeks is Monday 24 May.
        var dates = new NeedsAssessmentDates(Requested, D("2027-02-10"), AssessmentDecision.Assess);
        var onTheDay = NeedsAssessmentClock.Read(dates, D("2027-04-26"));
        Assert.Equal(D("2027-04-26"), onTheDay.NoPlanNoticeDueOn);
        Assert.Equal(D("2027-04-26"), onTheDay.DueOn);
        Assert.StartsWith("Decide whether to issue a plan", onTheDay.NextStep, StringComparison.Ordinal);
        Assert.Equal("Due today", onTheDay.DaysText);

        var dayAfter = NeedsAssessmentClock.Read(dates, D("2027-04-27"));
        Assert.Equal(D("2027-05-24"), dayAfter.DueOn);
        Assert.Equal("Send the draft plan and issue the final plan", dayAfter.NextStep);
        Assert.False(dayAfter.IsOverdue);

        // Once the draft has gone, the plan is being issued: the final plan is the only deadline.
        var drafted = NeedsAssessmentClock.Read(dates with { DraftSentOn = D("2027-04-01") }, D("2027-04-02"));
        Assert.Equal(D("2027-05-24"), drafted.DueOn);
    }

    [Fact]
    public void A_decision_not_to_issue_a_plan_is_in_time_up_to_week_16_unless_an_exception_excuses_it()
    {
        var dates = new NeedsAssessmentDates(Requested, D("2027-02-10"), AssessmentDecision.Assess, NoPlanOn: D("2027-04-26"));
        Assert.True(NeedsAssessmentClock.NoPlanNoticeInTime(dates));
        Assert.False(NeedsAssessmentClock.NoPlanNoticeInTime(dates with { NoPlanOn = D("2027-04-27") }));
        Assert.Null(NeedsAssessmentClock.NoPlanNoticeInTime(dates with { NoPlanOn = D("2027-04-27"), Exception = TimescaleException.InstitutionClosed }));
        Assert.Null(NeedsAssessmentClock.NoPlanNoticeInTime(dates with { NoPlanOn = null }));
    }

    [Fact]
    public void A_corrected_set_of_dates_is_checked_as_a_whole_and_names_the_date_at_fault()
    {
        var today = D("2027-06-01");
        var issued = new NeedsAssessmentDates(Requested, D("2027-02-10"), AssessmentDecision.Assess, D("2027-04-20"), D("2027-05-24"));
        Assert.Null(NeedsAssessmentClock.SequenceProblem(issued, today));

        // Moving the decision after the draft puts the draft out of order.
        Assert.Equal(("DraftSentOn", "The date the draft was sent must be on or after the decision to assess, 21 April 2027"),
            NeedsAssessmentClock.SequenceProblem(issued with { DecidedOn = D("2027-04-21") }, today));
        // Moving the draft later leaves the final plan inside the family's 15 days.
        Assert.Equal("FinalPlanOn", NeedsAssessmentClock.SequenceProblem(issued with { DraftSentOn = D("2027-05-20") }, today)?.Field);
        Assert.Equal("RequestedOn", NeedsAssessmentClock.SequenceProblem(issued with { RequestedOn = today.AddDays(1) }, today)?.Field);
        Assert.Equal("DecidedOn", NeedsAssessmentClock.SequenceProblem(issued with { RequestedOn = D("2027-02-11") }, today)?.Field);
        Assert.Equal("DecidedOn", NeedsAssessmentClock.SequenceProblem(issued with { DecidedOn = null, Decision = null }, today)?.Field);
        Assert.Equal("FinalPlanOn", NeedsAssessmentClock.SequenceProblem(issued with { FinalPlanOn = today.AddDays(1) }, today)?.Field);
        // Removing the last step leaves a valid earlier stage.
        Assert.Null(NeedsAssessmentClock.SequenceProblem(issued with { FinalPlanOn = null }, today));
    }
}
