using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Children;

/// <summary>
/// "Break glass": an LA user opens a child's record outside their need-to-know by giving a reason. The reason is
/// audited, goes on every entry about the child until midnight, and is reported to the LA's administrators and the
/// Caldicott Guardian, who review it. School staff and social workers cannot do this: for them the child is not found.
/// </summary>
public sealed class OpenWithReasonModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : WaymarkPageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await RefusedAsync(id) is IActionResult refused)
        {
            return refused;
        }

        if (await gate.MayOpenAsync(id))
        {
            return Redirect(Destination(id));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await RefusedAsync(id) is IActionResult refused)
        {
            return refused;
        }

        Reason = Reason?.Trim();
        if (NeedToKnow.ReasonProblem(Reason) is string problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.BreakGlassAccesses.Add(new BreakGlassAccess
        {
            UserId = currentUser.Id, ChildId = id, Reason = Reason!, GrantedAtUtc = now, GrantedOn = clock.UkToday(),
        });

        // Those who answer for access to children's records hear of it at once.
        var reviewers = await db.Users.Where(u => u.IsActive && (u.Role == Role.LaAdmin || u.Role == Role.CaldicottGuardian) && u.Id != currentUser.Id)
            .Select(u => u.Id).ToListAsync();
        foreach (var reviewer in reviewers)
        {
            db.Notifications.Add(new Notification
            {
                UserId = reviewer, ChildId = id, CreatedAtUtc = now, Link = "/audit/unusual-access",
                Text = $"{currentUser.DisplayName} ({Roles.DisplayName(currentUser.Role)}) opened a child's record outside their need-to-know: {Reason}",
            });
        }

        auditor.Record(AuditActions.BreakGlass, id, "opened outside the user's need-to-know, until midnight", reason: Reason);
        await db.SaveChangesAsync();
        return Redirect(Destination(id));
    }

    /// <summary>Only LA users may give a reason, and only for a child who exists; anyone else is told "not found".</summary>
    private async Task<IActionResult?> RefusedAsync(Guid id)
    {
        if (!NeedToKnow.CanBreakGlass(currentUser.Role) || !await db.Children.AnyAsync(c => c.Id == id))
        {
            return await gate.RefuseAsync(id, "open with a reason");
        }

        return null;
    }

    /// <summary>Back to the page asked for, if it is one of this child's pages; otherwise the child's record.</summary>
    private string Destination(Guid id)
    {
        var record = $"/children/{id}";
        return ReturnUrl is string url && Url.IsLocalUrl(url) && (url == record || url.StartsWith(record + "/", StringComparison.Ordinal)
            || url.StartsWith(record + "?", StringComparison.Ordinal))
            ? url
            : record;
    }
}
