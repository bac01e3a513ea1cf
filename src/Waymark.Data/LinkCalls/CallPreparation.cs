using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Children;
using Waymark.Domain.Transitions;

namespace Waymark.Data.LinkCalls;

/// <summary>Why a child is on the call's list, and whether that is new since the last call.</summary>
public sealed record CallReason(string Text, bool New);

/// <summary>One of the school's children to talk about on the call.</summary>
public sealed record CallChild(Guid ChildId, string Name, IReadOnlyList<CallReason> Reasons)
{
    public bool HasNews => Reasons.Any(r => r.New);
}

/// <summary>
/// Prepares a Link Co-ordinator's call: the school's pupils (those on roll today that the user may see) who are on the
/// LA's lists: open attendance alerts, a reduced timetable in force, a suspension or exclusion this term, a social
/// worker (child in need, child protection, looked after), an EHC plan, or this year's transition cohort. Each reason
/// says whether it started after the last call, so the officer sees what changed.
/// </summary>
public static class CallPreparation
{
    public static readonly IReadOnlyList<ChildStatusType> StatusesDiscussed =
        [ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter, ChildStatusType.EhcPlan];

    public static async Task<IReadOnlyList<CallChild>> ForSchoolAsync(WaymarkDbContext db, UserScope scope, int schoolId, DateOnly? lastCallOn, DateOnly today,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pupils = db.Children.VisibleTo(db, scope, today).OnRollOf(schoolId, today).Select(c => c.Id);
        var since = lastCallOn ?? DateOnly.MinValue;
        var reasons = new Dictionary<Guid, List<CallReason>>();
        void Add(Guid child, string text, DateOnly from) =>
            (reasons.TryGetValue(child, out var list) ? list : reasons[child] = []).Add(new CallReason(text, from > since));

        var alerts = await db.AttendanceAlerts.AsNoTracking()
            .Where(a => a.HandledAtUtc == null && a.ClearedOn == null && pupils.Contains(a.ChildId))
            .Select(a => new { a.ChildId, a.Kind, a.RaisedOn }).ToListAsync(ct);
        foreach (var a in alerts)
        {
            Add(a.ChildId, $"{AlertHandling.DisplayName(a.Kind)} (raised {a.RaisedOn:d MMM yyyy})", a.RaisedOn);
        }

        var timetables = await db.ReducedTimetables.AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.StartDate <= today && r.EndedOn == null && pupils.Contains(r.ChildId))
            .Select(r => new { r.ChildId, r.StartDate, r.HoursPerWeek }).ToListAsync(ct);
        foreach (var r in timetables)
        {
            Add(r.ChildId, $"Reduced timetable, {r.HoursPerWeek:0.#} hours a week since {r.StartDate:d MMM yyyy}", r.StartDate);
        }

        var term = SchoolTerms.Containing(today);
        var suspensions = await db.Suspensions.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && s.StartDate >= term.Start && s.StartDate <= today && pupils.Contains(s.ChildId))
            .Select(s => new { s.ChildId, s.Kind, s.StartDate }).ToListAsync(ct);
        foreach (var s in suspensions)
        {
            Add(s.ChildId, $"{(s.Kind == ExclusionKind.Suspension ? "Suspended" : "Permanently excluded")} {s.StartDate:d MMM yyyy}", s.StartDate);
        }

        var statuses = await db.ChildStatuses.AsNoTracking()
            .Where(s => StatusesDiscussed.Contains(s.Type) && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today) && pupils.Contains(s.ChildId))
            .Select(s => new { s.ChildId, s.Type, s.StartDate }).ToListAsync(ct);
        foreach (var s in statuses)
        {
            Add(s.ChildId, $"{ChildStatusTypes.DisplayName(s.Type)} since {s.StartDate:d MMM yyyy}", s.StartDate);
        }

        var year = Domain.Calendar.AcademicYear.Containing(today).StartYear;
        var cohort = await db.Transitions.AsNoTracking()
            .Where(t => t.CohortYear == year && t.Decision == CohortDecision.Confirmed && pupils.Contains(t.ChildId))
            .Select(t => new { t.ChildId, t.DecidedAtUtc }).ToListAsync(ct);
        foreach (var t in cohort)
        {
            Add(t.ChildId, "In this year's transition cohort", t.DecidedAtUtc is DateTime d ? DateOnly.FromDateTime(d) : DateOnly.MinValue);
        }

        var ids = reasons.Keys.ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.Children.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.Id, Forename = c.PreferredForename ?? c.LegalForename, Surname = c.PreferredSurname ?? c.LegalSurname }).ToListAsync(ct);
            foreach (var r in rows)
            {
                names[r.Id] = $"{r.Forename} {r.Surname}";
            }
        }

        return reasons
            .Select(r => new CallChild(r.Key, names[r.Key], r.Value.OrderByDescending(x => x.New).ToList()))
            .OrderByDescending(c => c.HasNews).ThenByDescending(c => c.Reasons.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
