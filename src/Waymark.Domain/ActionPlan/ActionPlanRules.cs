using Waymark.Domain.Attendance;
using Waymark.Domain.People;

namespace Waymark.Domain.ActionPlan;

/// <summary>
/// The three headings the strategy's action plan groups its actions under (seed 002, appendix 1): the strategy's own
/// actions and priorities, the work of teams integral to its success, and business as usual integral to it.
/// </summary>
public enum ActionPriority
{
    StrategyAction,
    TeamsWork,
    BusinessAsUsual,
}

/// <summary>Red, amber or green for an action's progress in one term; not rated until someone rates it.</summary>
public enum Rag
{
    NotRated,
    Red,
    Amber,
    Green,
}

public enum MilestoneStatus
{
    Done,
    Due,
    Overdue,
}

public sealed record TermSummary(int Red, int Amber, int Green, int NotRated)
{
    public int Total => Red + Amber + Green + NotRated;
}

public static class ActionPlanRules
{
    public static IReadOnlyList<ActionPriority> Priorities { get; } = Enum.GetValues<ActionPriority>().AsReadOnly();

    public static IReadOnlyList<Rag> Ratings { get; } = [Rag.Red, Rag.Amber, Rag.Green, Rag.NotRated];

    /// <summary>The headings as the seed's appendix names them.</summary>
    public static string PriorityName(ActionPriority priority) => priority switch
    {
        ActionPriority.StrategyAction => "Actions and priorities",
        ActionPriority.TeamsWork => "Work of teams integral to the success of this strategy",
        ActionPriority.BusinessAsUsual => "Business as usual integral to the success of this strategy",
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };

    public static string RagName(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        _ => "Not rated",
    };

    /// <summary>LA administrators and officers keep the plan.</summary>
    public static bool CanEdit(Role role) => role is Role.LaAdmin or Role.LaOfficer;

    /// <summary>
    /// Other LA-wide roles and analysts may read it: it names no child. School staff, caseload roles and the SEN
    /// case officer (who sees the SEND cohort, not the LA's wider work) are refused.
    /// </summary>
    public static bool CanRead(Role role) =>
        Roles.ScopeOf(role) is DataScope.LocalAuthority or DataScope.Pseudonymised;

    /// <summary>
    /// A milestone is done once completed (whenever that was); otherwise due up to and including its target date, and
    /// overdue from the day after.
    /// </summary>
    public static MilestoneStatus StatusOn(DateOnly targetDate, DateOnly? completedOn, DateOnly day)
    {
        if (completedOn is not null && completedOn <= day)
        {
            return MilestoneStatus.Done;
        }

        return day > targetDate ? MilestoneStatus.Overdue : MilestoneStatus.Due;
    }

    public static string StatusName(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Done => "Done",
        MilestoneStatus.Due => "Due",
        _ => "Overdue",
    };

    /// <summary>How many actions are red, amber, green or not rated in a term: an action with no rating counts as not rated.</summary>
    public static TermSummary Summarise(IEnumerable<Rag?> ratingPerAction)
    {
        int red = 0, amber = 0, green = 0, none = 0;
        foreach (var rag in ratingPerAction)
        {
            switch (rag)
            {
                case Rag.Red: red++; break;
                case Rag.Amber: amber++; break;
                case Rag.Green: green++; break;
                default: none++; break;
            }
        }

        return new TermSummary(red, amber, green, none);
    }

    /// <summary>The terms of the plan so far, newest first: from the plan's first term up to the one containing <paramref name="today"/>.</summary>
    public static IReadOnlyList<Term> TermsSoFar(Term first, DateOnly today)
    {
        var current = SchoolTerms.Containing(today);
        var terms = new List<Term>();
        for (var t = current; t.Start >= first.Start && terms.Count < 30; t = SchoolTerms.Previous(t))
        {
            terms.Add(t);
        }

        return terms;
    }

    public const int MaxNoteLength = 2000;
}
