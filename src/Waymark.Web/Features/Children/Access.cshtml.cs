using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Audit;

namespace Waymark.Web.Features.Children;

/// <summary>
/// Who has seen a child's record, and what has been shared: for LA users who may open the record (within their
/// need-to-know or with a reason today). School staff and social workers are refused: the history names colleagues
/// across services and every school the child's information went to. The Caldicott Guardian sees the same history on
/// the audit screens (<c>/audit/children/{id}</c>).
/// </summary>
public sealed class AccessModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor) : WaymarkPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public string ChildName { get; private set; } = "";

    public AccessHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var level = await gate.AccessAsync(id, ct);
        if (level == ChildAccessLevel.None)
        {
            return await gate.RefuseAsync(id, "access history", ct);
        }

        if (level != ChildAccessLevel.Full || !MaySee(currentUser.Role))
        {
            await auditor.RecordNowAsync(AuditActions.ChildRefused, id, $"access history: not permitted for {Roles.CommandName(currentUser.Role)}", ct: ct);
            return Forbid();
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        ChildName = child.KnownAsName;
        History = await AuditViews.ChildHistoryAsync(db, id, PageNumber, page => $"/children/{id}/access?PageNumber={page}", showDetail: true, ct);
        await auditor.RecordNowAsync(AuditActions.ChildAccessViewed, id, $"page {History.Paging.Page}", ct: ct);
        return Page();
    }

    /// <summary>LA-wide roles see the history of a record they may open; others, the SEN team among them, do not.</summary>
    public static bool MaySee(Role role) => Roles.ScopeOf(role) == DataScope.LocalAuthority;
}
