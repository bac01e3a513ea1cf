using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Records;
using Waymark.Data.Retention;
using Waymark.Domain.Calendar;
using Waymark.Domain.Retention;
using Waymark.Web.Auditing;

namespace Waymark.Web.Retention;

public sealed record RetentionDeletionResult(IReadOnlyList<string> Problems, int ChildRecords, int RegisterYears, int Rows)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Deletes records the retention rules make due, all or nothing: each choice is checked again inside the
/// transaction (still due, not on legal hold), then every record is deleted and audited, or none is.
/// The audit log itself is never deleted.
/// </summary>
public sealed class RetentionDeleter(WaymarkDbContext db, RetentionReport report, Auditor auditor)
{
    public async Task<RetentionDeletionResult> DeleteAsync(IReadOnlyCollection<string> keys, DateOnly today, string via, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var problems = new List<string>();
        var chosen = new List<(string Key, Guid ChildId)>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (RetentionItem.TryParseKey(key, out var childId, out _))
            {
                chosen.Add((key, childId));
            }
            else
            {
                problems.Add($"'{key}' is not a record Waymark can delete");
            }
        }

        if (chosen.Count == 0 && problems.Count == 0)
        {
            problems.Add("No records were chosen");
        }

        if (problems.Count > 0)
        {
            return new RetentionDeletionResult(problems, 0, 0, 0);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var periods = await report.PeriodsAsync(ct);
            var current = (await report.ForChildrenAsync(chosen.Select(c => c.ChildId).ToList(), today, ct)).ToDictionary(i => i.Key, StringComparer.Ordinal);
            var ids = chosen.Select(c => c.ChildId).Distinct().ToList();
            var names = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => $"{c.LegalForename} {c.LegalSurname} ({c.Upn ?? "no UPN"})", ct);
            var items = new List<RetentionItem>();
            foreach (var (key, childId) in chosen)
            {
                current.TryGetValue(key, out var item);
                if (!names.TryGetValue(childId, out var name))
                {
                    problems.Add($"Record {key} no longer exists");
                }
                else if (item is null || item.Action == RetentionAction.Review)
                {
                    problems.Add($"{Describe(key, name)} is not due for deletion");
                }
                else if (item.Action == RetentionAction.Held)
                {
                    problems.Add($"{Describe(key, name)} is on legal hold");
                }
                else
                {
                    items.Add(item);
                }
            }

            if (problems.Count > 0)
            {
                return new RetentionDeletionResult(problems, 0, 0, 0);
            }

            var rows = 0;
            foreach (var item in items.Where(i => i.AcademicYear is null))
            {
                var record = await ChildRecordGraph.ReadAsync(db, item.ChildId, ct)
                    ?? throw new DbUpdateConcurrencyException($"The record of child {item.ChildId} has gone.");
                var deleted = await ChildRecordGraph.DeleteAsync(db, record, ct);
                rows += deleted.Sum(d => d.Rows);
                auditor.Record(AuditActions.ChildRecordDeleted, item.ChildId, string.Create(CultureInfo.InvariantCulture,
                    $"UPN {item.Upn ?? "not known"}; rule: {Rule(item, periods)}; deleted: {string.Join(", ", deleted.Select(d => $"{d.Table} {d.Rows}"))}; via {via}"));
            }

            foreach (var item in items.Where(i => i.AcademicYear is not null))
            {
                var year = new AcademicYear(item.AcademicYear!.Value);
                var childId = item.ChildId;

                // The hold is checked in the statement too, so a hold placed a moment ago still protects the marks.
                var marks = await db.AttendanceYears
                    .Where(y => y.ChildId == childId && y.AcademicYear == year.StartYear && !db.LegalHolds.Any(h => h.ChildId == childId && h.LiftedAtUtc == null))
                    .ExecuteDeleteAsync(ct);
                if (marks == 0)
                {
                    throw new DbUpdateConcurrencyException($"The {year} register of child {childId} changed while it was being deleted.");
                }

                var corrections = await db.AttendanceMarkChanges
                    .Where(c => c.ChildId == childId && c.Date >= year.Start && c.Date <= year.End)
                    .ExecuteDeleteAsync(ct);
                rows += marks + corrections;
                auditor.Record(AuditActions.AttendanceRegisterDeleted, childId, string.Create(CultureInfo.InvariantCulture,
                    $"UPN {item.Upn ?? "not known"}; {year} register; rule: {Rule(item, periods)}; deleted: AttendanceYears {marks}, AttendanceMarkChanges {corrections}; via {via}"));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new RetentionDeletionResult([], items.Count(i => i.AcademicYear is null), items.Count(i => i.AcademicYear is not null), rows);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            db.ChangeTracker.Clear();
            return new RetentionDeletionResult(
                ["The records changed while they were being deleted (for example a legal hold was placed), so nothing was deleted. Try again."], 0, 0, 0);
        }
    }

    private static string Rule(RetentionItem item, RetentionPeriods periods) => string.Create(CultureInfo.InvariantCulture,
        $"{RetentionRules.DisplayName(item.Type)}, {RetentionRules.Describe(item.Type, periods.YearsFor(item.Type))}, due {item.DueOn:yyyy-MM-dd}");

    private static string Describe(string key, string child) =>
        RetentionItem.TryParseKey(key, out _, out var year) && year is int y
            ? $"The {new AcademicYear(y)} attendance register of {child}"
            : $"The record of {child}";
}
