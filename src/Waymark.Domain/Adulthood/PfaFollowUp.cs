namespace Waymark.Domain.Adulthood;

/// <summary>
/// How preparing for adulthood reaches the people who own the work: EHC plan reviews that must consider it, and when
/// an overdue item or pathway plan review is news worth a notification.
/// </summary>
public static class PfaFollowUp
{
    /// <summary>
    /// From Year 9 every EHC plan review must consider preparing for adulthood (SEND Code of Practice 8.9 to 8.12: "from
    /// Year 9 at the latest"), so from the day the checklist starts (<see cref="PfaAges.ChecklistStartsOn"/>).
    /// </summary>
    public static bool ReviewMustConsiderAdulthood(DateOnly dateOfBirth, DateOnly reviewOn) => reviewOn >= PfaAges.ChecklistStartsOn(dateOfBirth);

    /// <summary>The first day something due on <paramref name="dueOn"/> is overdue (the checklist and pathway plan reviews both: the day after).</summary>
    public static DateOnly OverdueFrom(DateOnly dueOn) => dueOn.AddDays(1);

    /// <summary>
    /// Whether something overdue today became overdue since the last notice run (<paramref name="lastRunOn"/>, exclusive),
    /// so each is notified once however often the job runs. With no earlier run only what became overdue today counts:
    /// the backlog is on the home page and the cohort view, not in hundreds of notifications.
    /// </summary>
    public static bool NewlyOverdue(DateOnly dueOn, DateOnly? lastRunOn, DateOnly today)
    {
        var from = OverdueFrom(dueOn);
        return from <= today && from > (lastRunOn ?? today.AddDays(-1));
    }
}
