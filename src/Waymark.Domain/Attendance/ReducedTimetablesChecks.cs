using System.Globalization;

namespace Waymark.Domain.Attendance;

/// <summary>What the checks need to know about one reduced timetable.</summary>
/// <param name="LastReviewOn">The latest review's date, if there has been one.</param>
/// <param name="NextReviewOn">The next review date set at the latest review.</param>
/// <param name="HasSocialWorker">The child has a current social worker.</param>
public sealed record ReducedTimetableState(
    DateOnly Start,
    DateOnly PlannedEnd,
    DateOnly? EndedOn,
    string? PlanToFullTime,
    DateOnly? LastReviewOn,
    DateOnly? NextReviewOn,
    bool HasSocialWorker,
    DateOnly? SocialWorkerInformedOn);

/// <summary>One alert a reduced timetable raises: what, who must act, and a sentence saying why.</summary>
public sealed record ReducedTimetableFinding(AlertKind Kind, AlertOwner Owner, string Summary);

/// <summary>
/// The alerts on reduced timetables (standards §4.2; seed 002: "those beyond six weeks, or without a plan, are tracked
/// by the LA"). Pure: the same timetable and day always give the same alerts. Only a timetable still running raises
/// them; ending it (the return to full time) clears them all.
/// </summary>
public static class ReducedTimetableChecks
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsOpen(ReducedTimetableState t) => t.EndedOn is null;

    /// <summary>
    /// How long the timetable runs, in days counting both ends: to the day it ended; while open, to the planned end
    /// or to today if that is later. Six weeks from Monday 1 September runs to Sunday 12 October: 42 days.
    /// </summary>
    public static int LengthInDays(ReducedTimetableState t, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(t);
        var last = t.EndedOn ?? (t.PlannedEnd > today ? t.PlannedEnd : today);
        return last.DayNumber - t.Start.DayNumber + 1;
    }

    /// <summary>Longer than six weeks: more than 42 days, planned or actual. Exactly six weeks is not.</summary>
    public static bool IsOverSixWeeks(ReducedTimetableState t, DateOnly today) =>
        IsOpen(t) && LengthInDays(t, today) > ReducedTimetables.SixWeeksInDays;

    public static bool HasPlan(ReducedTimetableState t) => !string.IsNullOrWhiteSpace(t.PlanToFullTime);

    /// <summary>
    /// When the next review is due: the date set at the latest review; with no review yet, two weeks after the start
    /// (Working Together asks for regular reviews; two weeks is this service's rule for the first one). A review
    /// recorded without a next date is due again two weeks later.
    /// </summary>
    public static DateOnly ReviewDue(ReducedTimetableState t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.NextReviewOn ?? (t.LastReviewOn ?? t.Start).AddDays(ReducedTimetables.FirstReviewWithinDays);
    }

    /// <summary>Overdue once the due day has passed: a review on the due day is in time.</summary>
    public static bool IsReviewOverdue(ReducedTimetableState t, DateOnly today) => IsOpen(t) && today > ReviewDue(t);

    public static bool SocialWorkerNotInformed(ReducedTimetableState t) =>
        IsOpen(t) && t.HasSocialWorker && t.SocialWorkerInformedOn is null;

    /// <summary>Every alert the timetable raises today.</summary>
    public static IReadOnlyList<ReducedTimetableFinding> Check(ReducedTimetableState t, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(t);
        var findings = new List<ReducedTimetableFinding>();
        if (!IsOpen(t))
        {
            return findings;
        }

        var since = $"Reduced timetable since {Date(t.Start)}";
        if (IsOverSixWeeks(t, today))
        {
            var runs = t.PlannedEnd >= today ? $"planned to end {Date(t.PlannedEnd)}" : $"still running {Days(today.DayNumber - t.PlannedEnd.DayNumber)} after its planned end";
            findings.Add(new(AlertKind.ReducedTimetableOverSixWeeks, AlertOwner.LocalAuthority,
                $"{since}, {runs}: {Days(LengthInDays(t, today))}, longer than six weeks"));
        }

        if (!HasPlan(t))
        {
            findings.Add(new(AlertKind.ReducedTimetableWithoutPlan, AlertOwner.LocalAuthority, $"{since} has no plan back to full-time education"));
        }

        if (IsReviewOverdue(t, today))
        {
            var was = t.LastReviewOn is DateOnly last ? $"last reviewed {Date(last)}" : "not yet reviewed";
            findings.Add(new(AlertKind.ReducedTimetableReviewOverdue, AlertOwner.School, $"{since}, {was}: review was due {Date(ReviewDue(t))}"));
        }

        if (SocialWorkerNotInformed(t))
        {
            findings.Add(new(AlertKind.ReducedTimetableSocialWorkerNotInformed, AlertOwner.School,
                $"{since}: the child’s social worker has not been informed"));
        }

        return findings;
    }

    /// <summary>
    /// The C2 (part-time timetable) sessions on days no recorded timetable covers. A timetable covers its start to
    /// the day it ended; one still running covers every day from its start, even past its planned end (that is the
    /// six-week alert's business, not a missing record).
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, Session Session)> PartTimeMarksWithoutTimetable(
        YearMarks marks, IEnumerable<(DateOnly Start, DateOnly? EndedOn)> timetables)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(timetables);
        var periods = timetables.ToList();
        var c2 = AttendanceCodes.PartTimeTimetable.Value;
        var bytes = marks.Bytes;
        var found = new List<(DateOnly, Session)>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != c2)
            {
                continue;
            }

            var date = YearMarks.DateAt(marks.Year, i);
            if (!periods.Any(p => p.Start <= date && (p.EndedOn is null || date <= p.EndedOn)))
            {
                found.Add((date, (Session)(i % 2)));
            }
        }

        return found;
    }

    /// <summary>"4 C2 sessions (from 3 November 2026) with no reduced timetable recorded".</summary>
    public static string DescribeUncovered(IReadOnlyList<(DateOnly Date, Session Session)> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            return "No C2 sessions without a reduced timetable";
        }

        var first = sessions.Min(s => s.Date);
        var last = sessions.Max(s => s.Date);
        var when = first == last ? $"on {Date(first)}" : $"from {Date(first)} to {Date(last)}";
        var count = sessions.Count == 1 ? "1 C2 session" : $"{sessions.Count} C2 sessions";
        return $"{count} {when} with no reduced timetable recorded";
    }

    public static string Describe(AlertKind kind) => kind switch
    {
        AlertKind.ReducedTimetableOverSixWeeks => "Longer than six weeks",
        AlertKind.ReducedTimetableWithoutPlan => "No plan back to full time",
        AlertKind.ReducedTimetableReviewOverdue => "Review overdue",
        AlertKind.ReducedTimetableSocialWorkerNotInformed => "Social worker not informed",
        AlertKind.PartTimeMarksWithoutTimetable => "C2 marks without a reduced timetable",
        _ => kind.ToString(),
    };

    private static string Date(DateOnly d) => d.ToString("d MMMM yyyy", Uk);

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
