using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.People;

namespace Waymark.Web.Features.Adulthood;

/// <summary>
/// Tells each PfA worker, in the app, about the young people in their caseload whose checklist items or pathway plan
/// review became overdue since the last run (<see cref="PfaFollowUp.NewlyOverdue"/>): one notification per young person,
/// linking to their checklist. A notification already sent with the same words is not sent again, so a run repeated
/// for the same day adds nothing. Adds to the context without saving.
/// </summary>
public static class PfaOverdueNotices
{
    public static async Task<int> AddAsync(WaymarkDbContext db, DateOnly today, DateOnly? lastRunOn, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var workers = await db.Users.AsNoTracking().Where(u => u.Role == Role.PfaWorker && u.IsActive)
            .Select(u => new { u.Id, u.SchoolId }).ToListAsync(ct);
        var added = 0;
        foreach (var worker in workers)
        {
            var scope = new UserScope(worker.Id, Role.PfaWorker, worker.SchoolId);
            var rows = await PfaCohort.RowsAsync(db, db.Children.VisibleTo(db, scope, today), today, ct);
            var news = rows
                .Select(r => (r.Id, Text: Text(r, r.OverdueRows.Where(o => PfaFollowUp.NewlyOverdue(o.DueOn, lastRunOn, today)).ToList(),
                    r.PathwayReviewOverdue && PfaFollowUp.NewlyOverdue(r.PathwayReviewDue!.Value, lastRunOn, today))))
                .Where(n => n.Text is not null)
                .ToList();
            if (news.Count == 0)
            {
                continue;
            }

            var ids = news.Select(n => (Guid?)n.Id).ToList();
            var sent = (await db.Notifications.AsNoTracking().Where(n => n.UserId == worker.Id && ids.Contains(n.ChildId))
                    .Select(n => new { n.ChildId, n.Text }).ToListAsync(ct))
                .Select(n => (n.ChildId, n.Text)).ToHashSet();
            foreach (var (id, text) in news.Where(n => !sent.Contains((n.Id, n.Text!))))
            {
                db.Notifications.Add(new Notification { UserId = worker.Id, ChildId = id, Text = text!, Link = $"/children/{id}/adulthood", CreatedAtUtc = nowUtc });
                added++;
            }
        }

        return added;
    }

    private static string? Text(CohortRow row, IReadOnlyList<ChecklistRow> items, bool review)
    {
        var what = items.Select(i => $"{PfaItems.DisplayName(i.Item)} (due {Day(i.DueOn)})").ToList();
        if (review)
        {
            what.Add($"pathway plan review (due {Day(row.PathwayReviewDue!.Value)})");
        }

        if (what.Count == 0)
        {
            return null;
        }

        var text = $"Preparing for adulthood: now overdue for {row.Name}: {string.Join("; ", what)}";
        return text.Length > 500 ? text[..497] + "..." : text;
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
