namespace Waymark.Domain.Send;

/// <summary>
/// The statutory clock of an EHC needs assessment and plan (Children and Families Act 2014 Part 3; SEND Regulations
/// 2014, SI 2014/1530). Deadlines are calendar dates: the regulations count calendar weeks and days, with no
/// allowance for weekends or bank holidays (standards.md 4.1), so a deadline that falls on a Saturday stays on that
/// Saturday. Moving it to the Monday would show a case as in time when the law says it is late, and moving it to the
/// Friday would invent a duty the law does not set; the page shows the weekday so officers can plan round it.
/// </summary>
public static class EhcTimescales
{
    /// <summary>Reg 5(3): tell the family whether the LA will assess within 6 weeks of the request.</summary>
    public const int DecisionWeeks = 6;

    /// <summary>Reg 10(1): tell the family the LA will not issue a plan within 16 weeks of the request.</summary>
    public const int NoPlanNoticeWeeks = 16;

    /// <summary>Reg 13(2): the final plan within 20 weeks of the request.</summary>
    public const int FinalPlanWeeks = 20;

    /// <summary>Reg 13(1): the family has at least 15 days to comment on the draft.</summary>
    public const int DraftCommentDays = 15;

    /// <summary>Reg 15(4): a plan transferred in from another LA: the new LA writes to the family within 6 weeks.</summary>
    public const int TransferLetterWeeks = 6;

    public static DateOnly DecisionDueOn(DateOnly requestedOn) => requestedOn.AddDays(DecisionWeeks * 7);

    public static DateOnly FinalPlanDueOn(DateOnly requestedOn) => requestedOn.AddDays(FinalPlanWeeks * 7);

    public static DateOnly NoPlanNoticeDueOn(DateOnly requestedOn) => requestedOn.AddDays(NoPlanNoticeWeeks * 7);

    /// <summary>The earliest day the final plan may be issued after the draft was served.</summary>
    public static DateOnly EarliestFinalAfterDraft(DateOnly draftSentOn) => draftSentOn.AddDays(DraftCommentDays);

    public static DateOnly TransferLetterDueOn(DateOnly transferredOn) => transferredOn.AddDays(TransferLetterWeeks * 7);

    /// <summary>Negative when overdue: days from today to the deadline (0 on the day itself, which is still in time).</summary>
    public static int DaysLeft(DateOnly dueOn, DateOnly today) => dueOn.DayNumber - today.DayNumber;

    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>Done on or before the deadline (the deadline day itself counts as in time).</summary>
    public static bool InTime(DateOnly dueOn, DateOnly doneOn) => doneOn <= dueOn;
}
