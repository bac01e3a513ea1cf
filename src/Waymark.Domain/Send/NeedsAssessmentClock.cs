namespace Waymark.Domain.Send;

/// <summary>The dates recorded on one EHC needs assessment, as the clock needs them.</summary>
public sealed record NeedsAssessmentDates(
    DateOnly RequestedOn,
    DateOnly? DecidedOn = null,
    AssessmentDecision? Decision = null,
    DateOnly? DraftSentOn = null,
    DateOnly? FinalPlanOn = null,
    DateOnly? NoPlanOn = null,
    TimescaleException? Exception = null);

/// <summary>What the clock shows today: the stage, the next step, its deadline and how far away it is.</summary>
public sealed record ClockReading(
    AssessmentStage Stage,
    string NextStep,
    DateOnly? DueOn,
    int? DaysLeft,
    bool IsOverdue,
    bool Excused,
    DateOnly DecisionDueOn,
    DateOnly FinalPlanDueOn,
    DateOnly NoPlanNoticeDueOn)
{
    /// <summary>"12 days left", "due today", "3 days overdue", or the stage's own words when the clock has stopped.</summary>
    public string DaysText => DaysLeft switch
    {
        null => "Clock stopped",
        0 => "Due today",
        1 => "1 day left",
        > 1 => $"{DaysLeft} days left",
        -1 => "1 day overdue",
        _ => $"{-DaysLeft} days overdue",
    };
}

public static class NeedsAssessmentClock
{
    public static AssessmentStage StageOf(NeedsAssessmentDates dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.FinalPlanOn is not null)
        {
            return AssessmentStage.PlanIssued;
        }

        if (dates.NoPlanOn is not null)
        {
            return AssessmentStage.NoPlan;
        }

        if (dates.DecidedOn is null)
        {
            return AssessmentStage.AwaitingDecision;
        }

        if (dates.Decision == AssessmentDecision.NotAssess)
        {
            return AssessmentStage.NotAssessing;
        }

        return dates.DraftSentOn is null ? AssessmentStage.Assessing : AssessmentStage.DraftSent;
    }

    /// <summary>
    /// The reading on <paramref name="today"/>. A recorded reg 13(3) exception excuses the deadline: the case is not
    /// shown as overdue (the LA must still act as soon as practicable), but the statutory date stays visible.
    /// </summary>
    public static ClockReading Read(NeedsAssessmentDates dates, DateOnly today)
    {
        var stage = StageOf(dates);
        var decisionDue = EhcTimescales.DecisionDueOn(dates.RequestedOn);
        var finalDue = EhcTimescales.FinalPlanDueOn(dates.RequestedOn);
        var noPlanDue = EhcTimescales.NoPlanNoticeDueOn(dates.RequestedOn);

        // Until week 16 the LA may still decide not to issue a plan and tell the family in time (reg 10(1)), so that
        // decision is the next deadline; after it, only the final plan's is left.
        var (step, due) = stage switch
        {
            AssessmentStage.AwaitingDecision => ("Decide whether to assess", (DateOnly?)decisionDue),
            AssessmentStage.Assessing when today <= noPlanDue => ("Decide whether to issue a plan (if not, tell the family by week 16)", noPlanDue),
            AssessmentStage.Assessing => ("Send the draft plan and issue the final plan", finalDue),
            AssessmentStage.DraftSent => ("Issue the final plan", finalDue),
            _ => ("None: the clock has stopped", null),
        };
        var excused = due is not null && dates.Exception is not null;
        int? daysLeft = due is DateOnly d ? EhcTimescales.DaysLeft(d, today) : null;
        var overdue = due is DateOnly dd && !excused && EhcTimescales.IsOverdue(dd, today);
        return new ClockReading(stage, step, due, daysLeft, overdue, excused, decisionDue, finalDue, noPlanDue);
    }

    /// <summary>
    /// Whether the final plan was issued within 20 weeks of the request; null for a case that is not counted: no final
    /// plan, or a recorded exception (the DfE's own measure excludes exception cases).
    /// </summary>
    public static bool? FinalPlanInTime(NeedsAssessmentDates dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return dates is { FinalPlanOn: DateOnly issued, Exception: null }
            ? EhcTimescales.InTime(EhcTimescales.FinalPlanDueOn(dates.RequestedOn), issued)
            : null;
    }

    /// <summary>
    /// Whether a decision not to issue a plan reached the family within 16 weeks of the request (reg 10(1)); null when
    /// there was no such decision or an exception was recorded (reg 10(4) excuses it as reg 13(3) does the plan).
    /// </summary>
    public static bool? NoPlanNoticeInTime(NeedsAssessmentDates dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return dates is { NoPlanOn: DateOnly told, Exception: null }
            ? EhcTimescales.InTime(EhcTimescales.NoPlanNoticeDueOn(dates.RequestedOn), told)
            : null;
    }

    /// <summary>
    /// What is wrong with a whole set of dates, naming the date at fault (a property of <see cref="NeedsAssessmentDates"/>),
    /// or null: each step on or after the one it follows, none in the future, the final plan no sooner than 15 days after
    /// the draft. A correction is checked this way, so changing one date cannot leave the steps after it out of order.
    /// </summary>
    public static (string Field, string Message)? SequenceProblem(NeedsAssessmentDates dates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (RequestProblem(dates.RequestedOn, today) is string request)
        {
            return (nameof(dates.RequestedOn), request);
        }

        var before = new NeedsAssessmentDates(dates.RequestedOn);
        if (dates.DecidedOn is DateOnly decided && DecisionProblem(before, decided, today) is string decision)
        {
            return (nameof(dates.DecidedOn), decision);
        }

        if (dates.DecidedOn is null && (dates.DraftSentOn ?? dates.NoPlanOn ?? dates.FinalPlanOn) is not null)
        {
            return (nameof(dates.DecidedOn), "Enter the date of the decision to assess: later steps are recorded");
        }

        before = before with { DecidedOn = dates.DecidedOn, Decision = dates.Decision };
        if (dates.DraftSentOn is DateOnly draft && DraftProblem(before, draft, today) is string draftProblem)
        {
            return (nameof(dates.DraftSentOn), draftProblem);
        }

        if (dates.NoPlanOn is DateOnly noPlan && NoPlanProblem(before, noPlan, today) is string noPlanProblem)
        {
            return (nameof(dates.NoPlanOn), noPlanProblem);
        }

        before = before with { DraftSentOn = dates.DraftSentOn };
        return dates.FinalPlanOn is DateOnly final && FinalPlanProblem(before, final, today) is string finalProblem
            ? (nameof(dates.FinalPlanOn), finalProblem)
            : null;
    }

    /// <summary>What is wrong with the request date, or null.</summary>
    public static string? RequestProblem(DateOnly requestedOn, DateOnly today) =>
        requestedOn > today ? "The date of the request must be today or in the past" : null;

    /// <summary>What is wrong with the decision date, or null.</summary>
    public static string? DecisionProblem(NeedsAssessmentDates dates, DateOnly decidedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (decidedOn > today)
        {
            return "The date of the decision must be today or in the past";
        }

        return decidedOn < dates.RequestedOn
            ? $"The date of the decision must be on or after the request, {dates.RequestedOn:d MMMM yyyy}"
            : null;
    }

    /// <summary>What is wrong with the date the draft plan was sent, or null.</summary>
    public static string? DraftProblem(NeedsAssessmentDates dates, DateOnly draftSentOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates is not { Decision: AssessmentDecision.Assess, DecidedOn: DateOnly decided })
        {
            return "Record the decision to assess before the draft plan";
        }

        if (draftSentOn > today)
        {
            return "The date the draft was sent must be today or in the past";
        }

        return draftSentOn < decided
            ? $"The date the draft was sent must be on or after the decision to assess, {decided:d MMMM yyyy}"
            : null;
    }

    /// <summary>
    /// What is wrong with the date of the final plan, or null. The family must have had at least 15 days to comment
    /// on the draft (reg 13(1)), so a final plan before then is refused rather than recorded.
    /// </summary>
    public static string? FinalPlanProblem(NeedsAssessmentDates dates, DateOnly finalOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.DraftSentOn is not DateOnly draft)
        {
            return "Record the draft plan before the final plan";
        }

        if (finalOn > today)
        {
            return "The date the final plan was issued must be today or in the past";
        }

        var earliest = EhcTimescales.EarliestFinalAfterDraft(draft);
        return finalOn < earliest
            ? $"The final plan cannot be issued before {earliest:d MMMM yyyy}: the family has 15 days from the draft to comment"
            : null;
    }

    /// <summary>What is wrong with the date of a decision not to issue a plan, or null.</summary>
    public static string? NoPlanProblem(NeedsAssessmentDates dates, DateOnly noPlanOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates is not { Decision: AssessmentDecision.Assess, DecidedOn: DateOnly decided })
        {
            return "Record the decision to assess before deciding not to issue a plan";
        }

        if (noPlanOn > today)
        {
            return "The date of the decision must be today or in the past";
        }

        return noPlanOn < decided
            ? $"The date of the decision must be on or after the decision to assess, {decided:d MMMM yyyy}"
            : null;
    }
}
