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
    DateOnly FinalPlanDueOn)
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
        var (step, due) = stage switch
        {
            AssessmentStage.AwaitingDecision => ("Decide whether to assess", (DateOnly?)decisionDue),
            AssessmentStage.Assessing => ("Send the draft plan and issue the final plan", finalDue),
            AssessmentStage.DraftSent => ("Issue the final plan", finalDue),
            _ => ("None: the clock has stopped", null),
        };
        var excused = due is not null && dates.Exception is not null;
        int? daysLeft = due is DateOnly d ? EhcTimescales.DaysLeft(d, today) : null;
        var overdue = due is DateOnly dd && !excused && EhcTimescales.IsOverdue(dd, today);
        return new ClockReading(stage, step, due, daysLeft, overdue, excused, decisionDue, finalDue);
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
