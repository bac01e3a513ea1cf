using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Audit;

/// <summary>
/// A child's access history on the audit screens: the same entries, shares and consents as the record's own page, with
/// the child's name and UPN and nothing else of the record, so the Caldicott Guardian can see it without opening it.
/// Entries' detail lines (which can quote the record) are left out.
/// </summary>
public sealed class ChildModel(WaymarkDbContext db, Auditor auditor) : WaymarkPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string ChildName { get; private set; } = "";

    public string? Upn { get; private set; }

    public AccessHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            return NotFound();
        }

        ChildName = child.KnownAsName;
        Upn = child.Upn;
        History = await AuditViews.ChildHistoryAsync(db, id, PageNumber, page => $"/audit/children/{id}?PageNumber={page}", showDetail: false, ct);
        await auditor.RecordNowAsync(AuditActions.AuditChildHistoryViewed, id, $"page {History.Paging.Page}", ct: ct);
        return Page();
    }
}
