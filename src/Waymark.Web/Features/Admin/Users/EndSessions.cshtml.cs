using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Admin.Users;

public sealed class EndSessionsModel(UserManager<WaymarkUser> users, Auditor auditor) : WaymarkPageModel
{
    public WaymarkUser EditedUser { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not WaymarkUser user)
        {
            return NotFound();
        }

        EditedUser = user;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not WaymarkUser user)
        {
            return NotFound();
        }

        var ended = await WaymarkAuth.EndAllSessionsAsync(HttpContext.RequestServices, user, "ended by an administrator");
        await auditor.RecordNowAsync(AuditActions.SessionsEnded, detail: $"{user.Email}: {ended} {(ended == 1 ? "session" : "sessions")} ended by an administrator");
        Flash($"{user.DisplayName} has been signed out of Waymark everywhere");
        return Redirect($"/admin/users/{id}");
    }
}
