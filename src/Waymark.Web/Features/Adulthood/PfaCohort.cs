using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;

namespace Waymark.Web.Features.Adulthood;

/// <summary>
/// One young person of the cohort: checklist completion, the items overdue and, for a current care leaver, when the
/// next pathway plan review is due.
/// </summary>
public sealed record CohortRow(Guid Id, string Name, int Age, PfaAgeBand Band, bool HasEhcPlan, bool IsCareLeaver, int CompletionPercent,
    IReadOnlyList<ChecklistRow> OverdueRows, bool NotEligibleForAsc, DateOnly? PathwayReviewDue, bool PathwayReviewOverdue)
{
    public int OverdueItems => OverdueRows.Count;

    /// <summary>Checklist items and the pathway plan review together: what the cohort view's "overdue" and the home page count.</summary>
    public int OverdueCount => OverdueItems + (PathwayReviewOverdue ? 1 : 0);

    public bool HasOverdue => OverdueCount > 0;
}

/// <summary>
/// The cohort's rows, worked out once for the cohort view, its downloads, the home page and the overdue notices, so they
/// always agree. The caller passes the young people the user may see; <see cref="AdulthoodScoping.InPfaCohort"/> is applied here.
/// </summary>
public static class PfaCohort
{
    public static async Task<IReadOnlyList<CohortRow>> RowsAsync(WaymarkDbContext db, IQueryable<Child> visible, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cohort = visible.InPfaCohort(db, today);
        var people = await cohort.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.LegalForename, c.LegalSurname, c.PreferredForename, c.PreferredSurname, c.DateOfBirth,
                Ehc = c.Statuses.Any(s => s.Type == ChildStatusType.EhcPlan && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)),
                CareLeaver = c.Statuses.Any(s => s.Type == ChildStatusType.CareLeaver && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)),
            })
            .ToListAsync(ct);
        var items = (await db.PfaChecklistItems.AsNoTracking().Where(i => cohort.Any(c => c.Id == i.ChildId)).ToListAsync(ct))
            .ToLookup(i => i.ChildId);
        var planStarts = await db.CareLeaverDetails.AsNoTracking().Where(d => cohort.Any(c => c.Id == d.ChildId))
            .ToDictionaryAsync(d => d.ChildId, d => d.PathwayPlanStartedOn, ct);
        var lastReviews = await db.PathwayPlanReviews.AsNoTracking().Where(r => cohort.Any(c => c.Id == r.ChildId))
            .GroupBy(r => r.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(r => r.ReviewedOn) })
            .ToDictionaryAsync(r => r.ChildId, r => r.Last, ct);
        return people.Select(p =>
            {
                var rows = ChecklistRow.For(p.DateOfBirth, items[p.Id], today);

                // The six-monthly review is a duty to care leavers: someone whose status has ended is not chased.
                var reviewDue = p.CareLeaver
                    ? CareLeavers.NextReviewDue(lastReviews.TryGetValue(p.Id, out var last) ? last : null, planStarts.GetValueOrDefault(p.Id))
                    : null;
                return new CohortRow(p.Id, $"{p.PreferredForename ?? p.LegalForename} {p.PreferredSurname ?? p.LegalSurname}",
                    PfaAges.AgeOn(p.DateOfBirth, today), PfaAges.BandOn(p.DateOfBirth, today)!.Value, p.Ehc, p.CareLeaver,
                    PfaChecklist.CompletionPercent(rows.Select(r => r.Status)), rows.Where(r => r.Overdue).ToList(),
                    items[p.Id].Any(i => i.AscOutcome == AscOutcome.NotEligible), reviewDue,
                    reviewDue is DateOnly due && CareLeavers.IsReviewOverdue(due, today));
            })
            .ToList();
    }

    /// <summary>Most overdue first, then least complete, then by name: the order of the cohort view and its downloads.</summary>
    public static IEnumerable<CohortRow> InOrder(IEnumerable<CohortRow> rows) =>
        rows.OrderByDescending(r => r.OverdueCount).ThenBy(r => r.CompletionPercent).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id);
}
