namespace Waymark.Domain.Send;

/// <summary>What the LA decided after an annual review (reg 20(10), within 4 weeks of the meeting).</summary>
public enum ReviewOutcome
{
    Maintain,
    Amend,
    Cease,
}

/// <summary>
/// The annual review of an EHC plan (CFA 2014 s44(1); SEND Regulations 2014 regs 20 to 22). Months are calendar months:
/// a review due "within 12 months" of 29 February is due on 28 February of the next year (the last day that is still
/// within 12 months), which is what <see cref="DateOnly.AddMonths"/> gives.
/// </summary>
public static class AnnualReviews
{
    public const int MonthsBetweenReviews = 12;

    /// <summary>Reg 20(3)-(4): invitations at least 2 weeks before the meeting, and advice circulated 2 weeks before it.</summary>
    public const int NoticeDays = 14;

    /// <summary>Reg 20(7): the report within 2 weeks of the meeting.</summary>
    public const int ReportDays = 14;

    /// <summary>Reg 20(10): the LA's decision (maintain, amend or cease) within 4 weeks of the meeting.</summary>
    public const int DecisionDays = 28;

    /// <summary>Reg 22(3): the final amended plan within 8 weeks of sending the proposed amendments.</summary>
    public const int AmendmentWeeks = 8;

    /// <summary>Reg 22(2): the family has at least 15 days to comment on the proposed amendments.</summary>
    public const int AmendmentCommentDays = 15;

    public static string DisplayName(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Maintain => "Maintain the plan as it is",
        ReviewOutcome.Amend => "Amend the plan",
        ReviewOutcome.Cease => "Cease to maintain the plan",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown review outcome."),
    };

    /// <summary>Within 12 months of the plan being issued or, once there has been one, of the last review meeting.</summary>
    public static DateOnly DueOn(DateOnly planIssuedOn, DateOnly? lastReviewOn) =>
        (lastReviewOn ?? planIssuedOn).AddMonths(MonthsBetweenReviews);

    /// <summary>The last day to send the meeting invitations and the advice for a meeting on <paramref name="meetingOn"/>.</summary>
    public static DateOnly NoticeBy(DateOnly meetingOn) => meetingOn.AddDays(-NoticeDays);

    public static DateOnly ReportDueOn(DateOnly meetingOn) => meetingOn.AddDays(ReportDays);

    public static DateOnly DecisionDueOn(DateOnly meetingOn) => meetingOn.AddDays(DecisionDays);

    public static DateOnly AmendedPlanDueOn(DateOnly proposedAmendmentsSentOn) => proposedAmendmentsSentOn.AddDays(AmendmentWeeks * 7);

    /// <summary>What is wrong with the date of a review meeting, or null.</summary>
    public static string? MeetingProblem(DateOnly meetingOn, DateOnly planIssuedOn, DateOnly? lastReviewOn, DateOnly today)
    {
        if (meetingOn > today)
        {
            return "The date of the review meeting must be today or in the past";
        }

        if (meetingOn < planIssuedOn)
        {
            return $"The date of the review meeting must be on or after the plan was issued, {planIssuedOn:d MMMM yyyy}";
        }

        return lastReviewOn is DateOnly last && meetingOn <= last
            ? $"The date of the review meeting must be after the last review, {last:d MMMM yyyy}"
            : null;
    }

    /// <summary>What is wrong with the outcome's dates, or null: each follows the meeting and none is in the future.</summary>
    public static string? FollowUpProblem(string what, DateOnly? on, DateOnly after, string afterWhat, DateOnly today) =>
        on switch
        {
            null => null,
            DateOnly d when d > today => $"The date {what} must be today or in the past",
            DateOnly d when d < after => $"The date {what} must be on or after {afterWhat}, {after:d MMMM yyyy}",
            _ => null,
        };
}
