using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;

namespace Waymark.Data.Attendance;

/// <summary>How many alerts a recompute raised (new or raised again) and cleared.</summary>
public readonly record struct AlertChanges(int Raised, int Cleared);

/// <summary>
/// Raises and clears the reduced-timetable alerts on the attendance worklists from the recorded timetables and this
/// year's marks, using <see cref="ReducedTimetableChecks"/>. Idempotent: an alert is one row per child, kind and key
/// (the timetable, or the school year and school for C2 marks), updated in place, so running it twice changes nothing.
/// </summary>
public static class ReducedTimetableAlerts
{
    public static readonly IReadOnlyList<AlertKind> Kinds =
    [
        AlertKind.ReducedTimetableOverSixWeeks, AlertKind.ReducedTimetableWithoutPlan, AlertKind.ReducedTimetableReviewOverdue,
        AlertKind.ReducedTimetableSocialWorkerNotInformed, AlertKind.PartTimeMarksWithoutTimetable,
    ];

    public static string TimetableKey(int timetableId) => $"reduced-timetable:{timetableId}";

    /// <summary>A review overdue is keyed by its due date too: the next overdue review is a new occurrence.</summary>
    public static string ReviewKey(int timetableId, DateOnly due) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reduced-timetable:{timetableId}:review-due:{due:yyyy-MM-dd}");

    public static string MarksKey(AcademicYear year, int schoolId) => $"c2:{year.StartYear}:{schoolId}";

    /// <summary>
    /// Recomputes the alerts for <paramref name="childIds"/>, or for every child when null, and saves. C2 marks are read
    /// from the academic year containing <paramref name="today"/>; alerts on earlier years' marks are left as they are.
    /// </summary>
    public static Task<AlertChanges> RecomputeAsync(WaymarkDbContext db, DateOnly today, IReadOnlyCollection<Guid>? childIds = null,
        CancellationToken ct = default) => RecomputeAsync(db, today, childIds, partTimeMarks: null, ct);

    /// <summary>
    /// As above, with the C2 findings already made by the worklist's one pass over the marks (<see cref="AttendanceAlertEngine"/>),
    /// so an LA's year of marks is not read twice; null reads the marks here.
    /// </summary>
    public static async Task<AlertChanges> RecomputeAsync(WaymarkDbContext db, DateOnly today, IReadOnlyCollection<Guid>? childIds,
        IReadOnlyList<PartTimeMarksFinding>? partTimeMarks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = childIds?.Distinct().ToList();
        var year = AcademicYear.Containing(today);
        var wanted = new Dictionary<(Guid ChildId, AlertKind Kind, string Key), (int SchoolId, AlertOwner Owner, string Summary)>();

        var timetableQuery = db.ReducedTimetables.AsNoTracking().Include(t => t.Reviews).AsSplitQuery();
        var marksQuery = db.AttendanceYears.AsNoTracking().Where(a => a.AcademicYear == year.StartYear);
        var kinds = Kinds.ToList();
        var alertQuery = db.AttendanceAlerts.Where(a => kinds.Contains(a.Kind));
        if (ids is not null)
        {
            timetableQuery = timetableQuery.Where(t => ids.Contains(t.ChildId));
            marksQuery = marksQuery.Where(a => ids.Contains(a.ChildId));
            alertQuery = alertQuery.Where(a => ids.Contains(a.ChildId));
        }

        var timetables = await timetableQuery.ToListAsync(ct);
        var openChildren = timetables.Where(t => t.EndedOn == null).Select(t => t.ChildId).Distinct().ToList();
        var current = CurrentOn.KeyPerson(today);
        var withSocialWorker = (await db.KeyPeople.AsNoTracking().Where(current)
                .Where(k => k.Role == KeyPersonRole.SocialWorker && openChildren.Contains(k.ChildId))
                .Select(k => k.ChildId).Distinct().ToListAsync(ct))
            .ToHashSet();
        foreach (var t in timetables)
        {
            var state = t.ToState(withSocialWorker.Contains(t.ChildId));
            foreach (var finding in ReducedTimetableChecks.Check(state, today))
            {
                var key = finding.Kind == AlertKind.ReducedTimetableReviewOverdue ? ReviewKey(t.Id, ReducedTimetableChecks.ReviewDue(state)) : TimetableKey(t.Id);
                wanted[(t.ChildId, finding.Kind, key)] = (t.SchoolId, finding.Owner, finding.Summary);
            }
        }

        if (partTimeMarks is null)
        {
            // A timetable covers the C2 marks its own school enters; streamed, so an LA's year of marks is never all in memory.
            var periods = timetables.ToLookup(t => (t.ChildId, t.SchoolId), t => (t.StartDate, t.EndedOn));
            var found = new List<PartTimeMarksFinding>();
            var marks = marksQuery.Select(a => new { a.ChildId, a.SchoolId, a.Marks }).AsAsyncEnumerable();
            await foreach (var m in marks.WithCancellation(ct))
            {
                if (CheckPartTimeMarks(year, m.ChildId, m.SchoolId, m.Marks, periods) is { } finding)
                {
                    found.Add(finding);
                }
            }

            partTimeMarks = found;
        }

        foreach (var m in partTimeMarks)
        {
            wanted[(m.ChildId, AlertKind.PartTimeMarksWithoutTimetable, MarksKey(year, m.SchoolId))] = (m.SchoolId, AlertOwner.School, m.Summary);
        }

        var existing = await alertQuery.ToListAsync(ct);
        var yearPrefix = $"c2:{year.StartYear}:";
        int raised = 0, cleared = 0;
        foreach (var alert in existing)
        {
            var holds = wanted.Remove((alert.ChildId, alert.Kind, alert.Key), out var w);

            // C2 alerts on earlier years' marks are left as they stood: this recompute reads only this year's.
            var earlierYear = alert.Kind == AlertKind.PartTimeMarksWithoutTimetable && !alert.Key.StartsWith(yearPrefix, StringComparison.Ordinal);
            switch (earlierYear ? AlertStep.Keep : AlertLifecycle.Next(holds, alert.ClearedOn is not null, alert.HandledAtUtc is not null))
            {
                case AlertStep.Clear:
                    alert.ClearedOn = today;
                    cleared++;
                    break;
                case AlertStep.Reopen:
                    (alert.ClearedOn, alert.SchoolId, alert.Owner, alert.Summary) = (null, w.SchoolId, w.Owner, w.Summary);
                    raised++;
                    break;
                default:
                    if (holds && alert.ClearedOn is null)
                    {
                        (alert.SchoolId, alert.Owner, alert.Summary) = (w.SchoolId, w.Owner, w.Summary);
                    }

                    break;
            }
        }

        foreach (var ((childId, kind, key), w) in wanted)
        {
            db.AttendanceAlerts.Add(new AttendanceAlert
            {
                ChildId = childId, SchoolId = w.SchoolId, Kind = kind, Key = key, Owner = w.Owner, Summary = w.Summary, RaisedOn = today,
            });
            raised++;
        }

        // Callers such as the demo generator switch automatic change detection off.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return new AlertChanges(raised, cleared);
    }

    /// <summary>Every child's reduced timetables by child and school, as periods: what the C2 check needs.</summary>
    public static async Task<ILookup<(Guid ChildId, int SchoolId), (DateOnly Start, DateOnly? EndedOn)>> PeriodsAsync(
        WaymarkDbContext db, IReadOnlyCollection<Guid>? childIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.ReducedTimetables.AsNoTracking();
        if (childIds is not null)
        {
            query = query.Where(t => childIds.Contains(t.ChildId));
        }

        var rows = await query.Select(t => new { t.ChildId, t.SchoolId, t.StartDate, t.EndedOn }).ToListAsync(ct);
        return rows.ToLookup(t => (t.ChildId, t.SchoolId), t => (t.StartDate, t.EndedOn));
    }

    /// <summary>The C2 finding for one pupil's year of marks at one school, or null when every C2 is covered.</summary>
    public static PartTimeMarksFinding? CheckPartTimeMarks(AcademicYear year, Guid childId, int schoolId, byte[] marks,
        ILookup<(Guid ChildId, int SchoolId), (DateOnly Start, DateOnly? EndedOn)> periods)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(periods);

        // Few pupils have any C2: a vectorised search skips the rest before the rule looks at dates.
        if (!marks.AsSpan().Contains(AttendanceCodes.PartTimeTimetable.Value))
        {
            return null;
        }

        var uncovered = ReducedTimetableChecks.PartTimeMarksWithoutTimetable(new YearMarks(year, marks), periods[(childId, schoolId)]);
        return uncovered.Count > 0 ? new PartTimeMarksFinding(childId, schoolId, ReducedTimetableChecks.DescribeUncovered(uncovered)) : null;
    }
}

/// <summary>C2 sessions at one school that no reduced timetable covers, summarised for the alert.</summary>
public sealed record PartTimeMarksFinding(Guid ChildId, int SchoolId, string Summary);

/// <summary>Reduced timetables' part of the worklist recompute.</summary>
public sealed class ReducedTimetableAlertSource : IAttendanceAlertSource
{
    public async Task<AlertRecompute> RecomputeAsync(WaymarkDbContext db, DateOnly today, IReadOnlyCollection<Guid>? children, MarksPass marks,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var changes = await ReducedTimetableAlerts.RecomputeAsync(db, today, children, marks.PartTimeMarks, ct);
        return new AlertRecompute(0, changes.Raised, changes.Cleared, 0);
    }
}
