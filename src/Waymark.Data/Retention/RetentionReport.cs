using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Retention;

namespace Waymark.Data.Retention;

/// <summary>A record due for review or deletion under the retention rules: a child's whole record, or one year of their register.</summary>
public sealed record RetentionItem(
    RetentionRecordType Type, Guid ChildId, string? Upn, string ChildName, DateOnly DateOfBirth, int? AcademicYear, DateOnly DueOn,
    RetentionAction Action, bool LegalHold)
{
    /// <summary>Names the item in a form field, e.g. "child:0f…" or "attendance:0f…:2018".</summary>
    public string Key => AcademicYear is int year
        ? string.Create(CultureInfo.InvariantCulture, $"attendance:{ChildId:N}:{year}")
        : $"child:{ChildId:N}";

    public static bool TryParseKey(string? key, out Guid childId, out int? academicYear)
    {
        childId = default;
        academicYear = null;
        var parts = (key ?? "").Split(':');
        if (parts is ["child", var id] && Guid.TryParseExact(id, "N", out childId))
        {
            return true;
        }

        if (parts is ["attendance", var child, var year] && Guid.TryParseExact(child, "N", out childId)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 1900 and < 3000)
        {
            academicYear = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>What the retention rules make due on a day, read from the LA's periods and every child's dates.</summary>
public sealed class RetentionReport(WaymarkDbContext db)
{
    public async Task<RetentionPeriods> PeriodsAsync(CancellationToken ct = default)
    {
        var stored = await db.RetentionRules.AsNoTracking().ToDictionaryAsync(r => r.RecordType, r => r.Years, ct);
        return RetentionRules.All.Aggregate(RetentionPeriods.Default,
            (periods, type) => stored.TryGetValue(type, out var years) ? periods.With(type, years) : periods);
    }

    /// <summary>
    /// Every record due for deletion on <paramref name="today"/>, held past its date, or due within the review window;
    /// soonest first. A year of register is left out when the child's whole record is itself due for deletion.
    /// </summary>
    public async Task<IReadOnlyList<RetentionItem>> DueAsync(DateOnly today, CancellationToken ct = default)
    {
        var periods = await PeriodsAsync(ct);
        var horizon = RetentionRules.Horizon(today);
        var born = RetentionRules.LatestBirthDueBy(horizon, Math.Min(periods.ChildRecordYears, periods.LookedAfterChildRecordYears));
        var latestYear = RetentionRules.LatestAcademicYearDueBy(horizon, periods);
        return await ComputeAsync(periods, today, c => c.DateOfBirth <= born, y => y.AcademicYear <= latestYear, ct);
    }

    /// <summary>The same, for the given children only and whatever their dates, to check a choice again just before deleting.</summary>
    public async Task<IReadOnlyList<RetentionItem>> ForChildrenAsync(IReadOnlyCollection<Guid> childIds, DateOnly today, CancellationToken ct = default)
    {
        var periods = await PeriodsAsync(ct);
        var ids = childIds.Distinct().ToList();
        return await ComputeAsync(periods, today, c => ids.Contains(c.Id), y => ids.Contains(y.ChildId), ct);
    }

    private async Task<IReadOnlyList<RetentionItem>> ComputeAsync(RetentionPeriods periods, DateOnly today,
        Expression<Func<Child, bool>> children, Expression<Func<AttendanceYear, bool>> years, CancellationToken ct)
    {
        var items = new List<RetentionItem>();
        var candidates = await db.Children.AsNoTracking().Where(children)
            .Select(c => new
            {
                c.Id, c.Upn, c.LegalForename, c.LegalSurname, c.DateOfBirth,
                LookedAfter = db.ChildStatuses.Any(s => s.ChildId == c.Id && s.Type == ChildStatusType.LookedAfter),
                Held = db.LegalHolds.Any(h => h.ChildId == c.Id && h.LiftedAtUtc == null),
            })
            .ToListAsync(ct);
        foreach (var c in candidates)
        {
            var due = RetentionRules.ChildRecordDueOn(c.DateOfBirth, c.LookedAfter, periods);
            if (RetentionRules.ActionOn(due, today, c.Held) is { } action)
            {
                items.Add(new RetentionItem(RetentionRules.ChildRecordType(c.LookedAfter), c.Id, c.Upn, $"{c.LegalForename} {c.LegalSurname}",
                    c.DateOfBirth, null, due, action, c.Held));
            }
        }

        var wholeRecordDue = items.Where(i => i.Action == RetentionAction.Delete).Select(i => i.ChildId).ToHashSet();
        var registerYears = await db.AttendanceYears.AsNoTracking().Where(years)
            .Select(y => new
            {
                y.ChildId, y.AcademicYear, y.Child!.Upn, y.Child.LegalForename, y.Child.LegalSurname, y.Child.DateOfBirth,
                Held = db.LegalHolds.Any(h => h.ChildId == y.ChildId && h.LiftedAtUtc == null),
            })
            .ToListAsync(ct);
        foreach (var y in registerYears.DistinctBy(y => (y.ChildId, y.AcademicYear)))
        {
            if (wholeRecordDue.Contains(y.ChildId))
            {
                continue;
            }

            var due = RetentionRules.AttendanceRegisterDueOn(new Domain.Calendar.AcademicYear(y.AcademicYear), periods);
            if (RetentionRules.ActionOn(due, today, y.Held) is { } action)
            {
                items.Add(new RetentionItem(RetentionRecordType.AttendanceRegister, y.ChildId, y.Upn, $"{y.LegalForename} {y.LegalSurname}",
                    y.DateOfBirth, y.AcademicYear, due, action, y.Held));
            }
        }

        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Type).ThenBy(i => i.Upn, StringComparer.Ordinal).ThenBy(i => i.ChildId).ThenBy(i => i.AcademicYear).ToList();
    }
}
