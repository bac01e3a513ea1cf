using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Notifications;

/// <summary>The signed-in user's in-app notifications, newest first. Only ever the user's own: every query filters on their id.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    /// <summary>Enough for any real backlog; older ones stay in the database.</summary>
    public const int Shown = 200;

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public int Unread { get; private set; }

    public async Task OnGetAsync()
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == currentUser.Id);
        Notifications = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(Shown).ToListAsync();
        Unread = await mine.CountAsync(n => n.ReadAtUtc == null);
    }

    public async Task<IActionResult> OnPostReadAsync(long notificationId)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == currentUser.Id);
        if (notification is null)
        {
            return NotFound();
        }

        notification.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        Flash("Marked as read");
        return Redirect("/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.UserId == currentUser.Id && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAtUtc, now));
        Flash(marked == 1 ? "1 notification marked as read" : $"{marked} notifications marked as read");
        return Redirect("/notifications");
    }
}
