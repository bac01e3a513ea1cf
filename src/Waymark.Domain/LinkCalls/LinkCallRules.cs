using Waymark.Domain.Attendance;

namespace Waymark.Domain.LinkCalls;

/// <summary>A contact between a school and its Link Co-ordinator, as seed 002 describes them.</summary>
public enum LinkContactKind
{
    /// <summary>The fortnightly call about the school's vulnerable children and whether their plans are in place.</summary>
    FortnightlyCall,

    /// <summary>The termly meeting that allocates the LA's resources to the school and reviews it.</summary>
    ResourceAllocationMeeting,
}

/// <summary>The LA's view of how likely a school is to exclude (seed 002 groups schools as very high, high and medium excluders).</summary>
public enum RiskGroup
{
    NotAssigned,
    MediumExcluder,
    HighExcluder,
    VeryHighExcluder,
}

public readonly record struct CallDue(DateOnly DueOn, int DaysLeft, bool Overdue)
{
    public string DaysText => DaysLeft switch
    {
        0 => "Due today",
        1 => "1 day left",
        > 1 => $"{DaysLeft} days left",
        -1 => "1 day overdue",
        _ => $"{-DaysLeft} days overdue",
    };
}

/// <summary>
/// When a school's next contact is due. A school is called every two weeks, counted from the last call (so a late call
/// moves the next one on), or from the day it was linked to its officer when there has been none. A termly resource
/// allocation meeting is due by the end of each term; a school with none in the term is overdue from the day after.
/// </summary>
public static class LinkCallRules
{
    public const int CallIntervalDays = 14;

    public static string DisplayName(LinkContactKind kind) => kind switch
    {
        LinkContactKind.FortnightlyCall => "Fortnightly call",
        LinkContactKind.ResourceAllocationMeeting => "Termly resource allocation meeting",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown contact."),
    };

    public static string DisplayName(RiskGroup group) => group switch
    {
        RiskGroup.NotAssigned => "Not assigned",
        RiskGroup.MediumExcluder => "Medium excluder",
        RiskGroup.HighExcluder => "High excluder",
        RiskGroup.VeryHighExcluder => "Very high excluder",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown risk group."),
    };

    /// <summary>The next fortnightly call: two weeks after the last call, or two weeks after the school was linked.</summary>
    public static CallDue NextCall(DateOnly linkedOn, DateOnly? lastCallOn, DateOnly today)
    {
        var due = (lastCallOn is DateOnly last && last > linkedOn ? last : linkedOn).AddDays(CallIntervalDays);
        return new CallDue(due, due.DayNumber - today.DayNumber, today > due);
    }

    /// <summary>
    /// The termly resource allocation meeting for the term containing <paramref name="today"/>: null when one was held in
    /// the term, otherwise due by the term's last day.
    /// </summary>
    public static CallDue? TermlyMeeting(IEnumerable<DateOnly> meetingsHeldOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(meetingsHeldOn);
        var term = SchoolTerms.Containing(today);
        return meetingsHeldOn.Any(term.Contains) ? null : new CallDue(term.End, term.End.DayNumber - today.DayNumber, false);
    }

    /// <summary>Whether the school went without a resource allocation meeting in the term before the one containing <paramref name="today"/>.</summary>
    public static bool MissedLastTerm(IEnumerable<DateOnly> meetingsHeldOn, DateOnly linkedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(meetingsHeldOn);
        var last = SchoolTerms.Previous(SchoolTerms.Containing(today));
        return linkedOn <= last.Start && !meetingsHeldOn.Any(last.Contains);
    }

    /// <summary>An agreed action is overdue from the day after its date until it is done.</summary>
    public static bool ActionOverdue(DateOnly dueOn, DateOnly? doneOn, DateOnly today) => doneOn is null && today > dueOn;

    /// <summary>What is wrong with the date of a contact, or null: not in the future.</summary>
    public static string? HeldOnProblem(DateOnly heldOn, DateOnly today) =>
        heldOn > today ? "The date of the call must be today or in the past" : null;

    /// <summary>What is wrong with an action's date, or null: an action agreed at a contact is due on or after it.</summary>
    public static string? ActionDueProblem(DateOnly dueOn, DateOnly heldOn) =>
        dueOn < heldOn ? $"The date the action is due must be on or after the call, {heldOn:d MMMM yyyy}" : null;
}

/// <summary>Who works with schools through their Link Co-ordinator.</summary>
public static class LinkCallAccess
{
    /// <summary>The LA's officers prepare and record calls and meetings; the LA administrator too.</summary>
    public static bool CanRecord(People.Role role) => role is People.Role.LaOfficer or People.Role.LaAdmin;

    /// <summary>Which officer is linked to which school, and its risk group, are the LA's to set.</summary>
    public static bool CanAssign(People.Role role) => role is People.Role.LaOfficer or People.Role.LaAdmin;

    /// <summary>A school's own staff see their school's contacts and agreed actions (never another school's).</summary>
    public static bool CanSeeOwnSchool(People.Role role) => People.Roles.ScopeOf(role) == People.DataScope.School;
}
