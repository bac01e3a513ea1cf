namespace Waymark.Domain.Attendance.Alerts;

/// <summary>What a recompute does to a stored alert.</summary>
public enum AlertStep
{
    /// <summary>Leave it as it is.</summary>
    Keep,

    /// <summary>Its condition no longer holds: set the day it cleared.</summary>
    Clear,

    /// <summary>Its condition holds again and nobody has handled it: open it again.</summary>
    Reopen,
}

/// <summary>
/// The one rule every source of worklist alerts follows (marks, suspensions, reduced timetables). An alert is one
/// occurrence of a condition, named by its key: the term, the year, the first day of a run of absence, the earliest
/// N mark, a suspension, a timetable, or a timetable's review due date. It is raised when first found and cleared
/// when the condition stops holding. If it holds again, an alert nobody handled reopens; a handled alert is final
/// for its occurrence, so hovering around a threshold does not bring the same entry back to someone who has dealt
/// with it. A condition that can genuinely happen again (the next review overdue, the suspension limit reached
/// after the warning) has a new key, so it is a new alert.
/// </summary>
public static class AlertLifecycle
{
    public static AlertStep Next(bool holds, bool cleared, bool handled) => (holds, cleared) switch
    {
        (true, true) when !handled => AlertStep.Reopen,
        (false, false) => AlertStep.Clear,
        _ => AlertStep.Keep,
    };
}
