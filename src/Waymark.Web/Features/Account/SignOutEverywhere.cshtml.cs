using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

public sealed class SignOutEverywhereModel(UserManager<WaymarkUser> users, Auditor auditor, CurrentUser currentUser) : WaymarkPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.FindByIdAsync(currentUser.Id) is not WaymarkUser me)
        {
            return NotFound();
        }

        var ended = await WaymarkAuth.EndAllSessionsAsync(HttpContext.RequestServices, me, "signed out everywhere");
        await auditor.RecordNowAsync(AuditActions.SessionsEnded, detail: $"signed out everywhere: {ended} {(ended == 1 ? "session" : "sessions")} ended");
        await HttpContext.SignOutAsync(WaymarkAuth.Scheme);
        return Redirect("/sign-in?signedOut=true&everywhere=true");
    }
}
