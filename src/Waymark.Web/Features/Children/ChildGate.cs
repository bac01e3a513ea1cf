using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Children;

/// <summary>How much of a child's record the current user may open.</summary>
public enum ChildAccessLevel
{
    None,

    /// <summary>A school the child's information was shared with ahead of a move: the child's name and what was shared.</summary>
    Incoming,

    Full,
}

/// <summary>
/// The way into every page about one child: decides what the user may open (<see cref="ChildScoping"/>), marks the
/// request's audit entries with the reason when the record was opened outside the user's need-to-know, and answers a
/// refusal (audited): "not found", or for LA users the offer to open it with a reason.
/// </summary>
public sealed class ChildGate(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock, IHttpContextAccessor accessor)
{
    public async Task<ChildAccessLevel> AccessAsync(Guid childId, CancellationToken ct = default)
    {
        var today = clock.UkToday();
        var scope = currentUser.Scope;
        var one = db.Children.Where(c => c.Id == childId);
        if (await one.VisibleTo(db, scope, today).AnyAsync(ct))
        {
            // Opened with a reason today: every entry about this child in this request carries it.
            if (NeedToKnow.CanBreakGlass(scope.Role) && await db.BreakGlassAccesses.Where(g => g.ChildId == childId && g.UserId == scope.UserId && g.GrantedOn == today)
                    .OrderByDescending(g => g.GrantedAtUtc).Select(g => g.Reason).FirstOrDefaultAsync(ct) is string reason)
            {
                auditor.UseReason(childId, reason);
            }

            return ChildAccessLevel.Full;
        }

        return await one.IncomingTo(db, scope).AnyAsync(ct) ? ChildAccessLevel.Incoming : ChildAccessLevel.None;
    }

    /// <summary>True when the user may open the whole record.</summary>
    public async Task<bool> MayOpenAsync(Guid childId, CancellationToken ct = default) => await AccessAsync(childId, ct) == ChildAccessLevel.Full;

    /// <summary>
    /// The answer to a child the user may not open. The attempt is audited (when the child exists). An LA user asking
    /// to see a page is sent to give a reason first; anyone else, or any other request, is told "not found", exactly
    /// as for a child that does not exist.
    /// </summary>
    public async Task<IActionResult> RefuseAsync(Guid childId, string what, CancellationToken ct = default)
    {
        if (!await db.Children.AnyAsync(c => c.Id == childId, ct))
        {
            return new NotFoundResult();
        }

        await auditor.RecordNowAsync(AuditActions.ChildRefused, childId, $"{what}: outside the user's need-to-know", ct: ct);
        var request = accessor.HttpContext?.Request;
        if (NeedToKnow.CanBreakGlass(currentUser.Role) && request is not null && HttpMethods.IsGet(request.Method))
        {
            var back = request.Path + request.QueryString;
            return new RedirectResult($"/children/{childId}/open-with-reason?returnUrl={Uri.EscapeDataString(back)}");
        }

        return new NotFoundResult();
    }
}
