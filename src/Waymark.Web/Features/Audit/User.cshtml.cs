using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Audit;

/// <summary>
/// Everything one user has done, newest first, optionally between two dates. Children are named (with a link to their
/// access history); the detail line of an entry about a child, which can quote the record, is left out.
/// </summary>
public sealed class UserModel(WaymarkDbContext db, Auditor auditor) : WaymarkPageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public WaymarkUser Subject { get; private set; } = null!;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public DateRangeFilter Range { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var subject = await db.Users.AsNoTracking().Include(u => u.School).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (subject is null)
        {
            return NotFound();
        }

        Subject = subject;
        Range = DateRangeFilter.Parse(From, To, ModelState);
        var filter = DateRangeFilter.Query(From, To);
        if (!ModelState.IsValid)
        {
            Paging = new Paging(1, 1, 0, _ => "");
            await auditor.RecordNowAsync(AuditActions.AuditUserActivityViewed, detail: $"user {subject.Email}: the dates given were not valid", ct: ct);
            return Page();
        }

        var entries = db.AuditEvents.AsNoTracking().Where(a => a.UserId == id);
        if (Range.FromUtc is DateTime fromUtc)
        {
            entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (Range.ToUtc is DateTime toUtc)
        {
            entries = entries.Where(a => a.OccurredAtUtc < toUtc);
        }

        var total = await entries.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, AuditViews.Pages(total));
        Entries = await AuditViews.RowsAsync(db,
            entries.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id).Skip((page - 1) * AuditViews.PageSize).Take(AuditViews.PageSize), ct);
        Paging = new Paging(page, AuditViews.Pages(total), total, p => $"/audit/users/{Uri.EscapeDataString(id)}?{filter}&PageNumber={p}");
        await auditor.RecordNowAsync(AuditActions.AuditUserActivityViewed,
            detail: $"user {subject.Email}: {Range.Describe()}, page {page}", ct: ct);
        return Page();
    }
}
