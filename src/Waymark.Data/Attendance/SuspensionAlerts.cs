using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Data.Attendance;

/// <summary>
/// The worklist entries that suspensions raise, in one place so recording a suspension and recomputing
/// the worklists agree: a vulnerable child suspended, the 45-day limit approached, alternative provision
/// due. Raising is idempotent by kind and key; entries whose condition no longer holds are cleared.
/// Adds to the context without saving, so the caller saves alerts with the change that raised them.
/// </summary>
public static class SuspensionAlerts
{
    public static readonly AlertKind[] Kinds = [AlertKind.SuspensionOfVulnerableChild, AlertKind.SuspensionLimit, AlertKind.AlternativeProvisionDue];

    /// <summary>Brings the child's suspension alerts up to date for this school year.</summary>
    public static async Task RaiseAsync(WaymarkDbContext db, Guid childId, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = AcademicYear.Containing(today);
        var suspensions = await db.Suspensions.AsNoTracking().Include(s => s.School)
            .Where(s => s.ChildId == childId && s.StartDate <= year.End).OrderBy(s => s.StartDate).ToListAsync(ct);
        var alerts = await db.AttendanceAlerts.Where(a => a.ChildId == childId && Kinds.Contains(a.Kind)).ToListAsync(ct);
        var vulnerable = await VulnerabilityAsync(db, childId, today, ct);

        void Raise(AlertKind kind, string key, AlertOwner owner, int? schoolId, string summary)
        {
            var alert = alerts.FirstOrDefault(a => a.Kind == kind && a.Key == key);
            if (alert is null)
            {
                alert = new AttendanceAlert { ChildId = childId, Kind = kind, Key = key, Owner = owner, SchoolId = schoolId, Summary = summary, RaisedOn = today };
                db.AttendanceAlerts.Add(alert);
                alerts.Add(alert);
                return;
            }

            var step = AlertLifecycle.Next(holds: true, alert.ClearedOn is not null, alert.HandledAtUtc is not null);
            if (step == AlertStep.Reopen || alert.ClearedOn is null)
            {
                (alert.ClearedOn, alert.Owner, alert.SchoolId, alert.Summary) = (null, owner, schoolId, summary);
            }
        }

        void Clear(AlertKind kind, string key)
        {
            if (alerts.FirstOrDefault(a => a.Kind == kind && a.Key == key) is { } alert
                && AlertLifecycle.Next(holds: false, alert.ClearedOn is not null, alert.HandledAtUtc is not null) == AlertStep.Clear)
            {
                alert.ClearedOn = today;
            }
        }

        // This year's only: a social worker allocated now has no duty about a suspension years ago.
        foreach (var s in suspensions.Where(s => year.Contains(s.StartDate)))
        {
            var key = s.Id.ToString(CultureInfo.InvariantCulture);
            if (vulnerable.Any)
            {
                Raise(AlertKind.SuspensionOfVulnerableChild, key, vulnerable.LookedAfter ? AlertOwner.VirtualSchool : AlertOwner.SocialWorker,
                    s.SchoolId, $"{Describe(s)}; {vulnerable.Why}");
            }
        }

        foreach (var s in suspensions)
        {
            var key = s.Id.ToString(CultureInfo.InvariantCulture);
            if (s.AlternativeProvisionDueOn is not DateOnly due || due < year.Start)
            {
                continue;
            }

            if (s.AlternativeProvisionFrom is null)
            {
                Raise(AlertKind.AlternativeProvisionDue, key, s.Kind == ExclusionKind.PermanentExclusion ? AlertOwner.LocalAuthority : AlertOwner.School,
                    s.SchoolId, $"Alternative provision due from {due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, the sixth school day of {Describe(s)}; none recorded");
            }
            else
            {
                Clear(AlertKind.AlternativeProvisionDue, key);
            }
        }

        // The limit is the headteacher's, so it is counted per school. Each status (approaching, reached, over) is its
        // own occurrence: handling the warning does not hide that the limit has since been reached.
        var totals = SessionsBySchool(year, suspensions);
        foreach (var alert in alerts.Where(a => a.Kind == AlertKind.SuspensionLimit).ToList())
        {
            if (alert.SchoolId is not int school || LimitKey(year, school, SuspensionRules.LimitStatus(totals.GetValueOrDefault(school))) != alert.Key)
            {
                Clear(AlertKind.SuspensionLimit, alert.Key);
            }
        }

        foreach (var (school, sessions) in totals)
        {
            if (SuspensionRules.LimitWarning(sessions, year) is string warning)
            {
                Raise(AlertKind.SuspensionLimit, LimitKey(year, school, SuspensionRules.LimitStatus(sessions)), AlertOwner.School, school, warning);
            }
        }
    }

    public static string LimitKey(AcademicYear year, int schoolId, SuspensionLimitStatus status) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}:{schoolId}:{status.ToString().ToLowerInvariant()}");

    /// <summary>
    /// Sessions of suspension in the school year at each school: the totals the 45-day limit applies to (a headteacher
    /// may suspend a pupil for up to 45 school days in a school year). Schools with none are left out.
    /// </summary>
    public static IReadOnlyDictionary<int, int> SessionsBySchool(AcademicYear year, IEnumerable<Suspension> suspensions) =>
        suspensions.Where(s => s.Kind == ExclusionKind.Suspension && s.Sessions is not null)
            .GroupBy(s => s.SchoolId)
            .Select(g => (School: g.Key, Sessions: g.Sum(s => SuspensionRules.SessionsIn(year, s.StartDate, s.FirstSession, s.Sessions!.Value))))
            .Where(t => t.Sessions > 0)
            .ToDictionary(t => t.School, t => t.Sessions);

    /// <summary>
    /// Tells the child's social worker and virtual school contact, in the app, that the child has just
    /// been suspended or excluded (statutory guidance: without delay). Returns who was told.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NotifyRecordedAsync(WaymarkDbContext db, Suspension suspension, DateOnly today,
        DateTime nowUtc, string? exceptUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(suspension);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == suspension.ChildId)
            .Select(c => new { c.PreferredForename, c.LegalForename, c.PreferredSurname, c.LegalSurname }).SingleAsync(ct);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == suspension.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var recipients = await db.KeyPeople.AsNoTracking().Where(CurrentOn.KeyPerson(today))
            .Where(k => k.ChildId == suspension.ChildId && k.UserId != null && k.UserId != exceptUserId
                && (k.Role == KeyPersonRole.SocialWorker || k.Role == KeyPersonRole.VirtualSchool))
            .Select(k => k.UserId!).Distinct().ToListAsync(ct);
        var name = $"{child.PreferredForename ?? child.LegalForename} {child.PreferredSurname ?? child.LegalSurname}";
        var what = suspension.Kind == ExclusionKind.PermanentExclusion
            ? $"{name} has been permanently excluded from {school} from {suspension.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{name} has been suspended from {school} for {SuspensionRules.Days(suspension.Sessions ?? 0)} from {suspension.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var text = $"{what} ({string.Join(", ", suspension.Reasons.Select(r => ExclusionReasons.Find(r)?.Description ?? r))})";
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId, ChildId = suspension.ChildId, Text = text.Length > 500 ? text[..500] : text,
                Link = $"/children/{suspension.ChildId}/suspensions/{suspension.Id}", CreatedAtUtc = nowUtc,
            });
        }

        return recipients;
    }

    private sealed record Vulnerability(bool SocialWorker, bool LookedAfter)
    {
        public bool Any => SocialWorker || LookedAfter;

        public string Why => (SocialWorker, LookedAfter) switch
        {
            (true, true) => "looked after, with a social worker",
            (false, true) => "looked after",
            _ => "has a social worker",
        };
    }

    /// <summary>A current social worker (one who signs in or not) or a current looked-after episode.</summary>
    private static async Task<Vulnerability> VulnerabilityAsync(WaymarkDbContext db, Guid childId, DateOnly today, CancellationToken ct)
    {
        var socialWorker = await db.KeyPeople.Where(CurrentOn.KeyPerson(today)).AnyAsync(k => k.ChildId == childId && k.Role == KeyPersonRole.SocialWorker, ct);
        var lookedAfter = await db.ChildStatuses.Where(CurrentOn.Status(today)).AnyAsync(s => s.ChildId == childId && s.Type == ChildStatusType.LookedAfter, ct);
        return new Vulnerability(socialWorker, lookedAfter);
    }

    private static string Describe(Suspension s) => s.Kind == ExclusionKind.PermanentExclusion
        ? $"permanent exclusion from {s.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
        : $"suspension of {SuspensionRules.Days(s.Sessions ?? 0)} from {s.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
}

/// <summary>Suspensions' part of the worklist recompute: every child with a suspension or exclusion this school year.</summary>
public sealed class SuspensionAlertSource : IAttendanceAlertSource
{
    public async Task<AlertRecompute> RecomputeAsync(WaymarkDbContext db, DateOnly today, IReadOnlyCollection<Guid>? children, MarksPass marks,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = AcademicYear.Containing(today);
        var query = db.Suspensions.AsNoTracking().Where(s => s.StartDate >= year.Start && s.StartDate <= year.End);
        if (children is not null)
        {
            var set = children.ToHashSet();
            query = query.Where(s => set.Contains(s.ChildId));
        }

        var suspended = await query.Select(s => s.ChildId).Distinct().ToListAsync(ct);
        foreach (var childId in suspended)
        {
            await SuspensionAlerts.RaiseAsync(db, childId, today, ct);
        }

        var entries = db.ChangeTracker.Entries<AttendanceAlert>().ToList();
        var raised = entries.Count(e => e.State == EntityState.Added);
        var cleared = entries.Count(e => e.State == EntityState.Modified && e.Entity.ClearedOn == today && e.Property(a => a.ClearedOn).OriginalValue is null);
        var reopened = entries.Count(e => e.State == EntityState.Modified && e.Entity.ClearedOn is null && e.Property(a => a.ClearedOn).OriginalValue is not null);
        await db.SaveChangesAsync(ct);
        return new AlertRecompute(suspended.Count, raised, cleared, reopened);
    }
}
