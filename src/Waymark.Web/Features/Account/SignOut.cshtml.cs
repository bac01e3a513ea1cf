using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

public sealed class SignOutModel(Auditor auditor) : WaymarkPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await auditor.RecordNowAsync(AuditActions.SignOut);
        await HttpContext.SignOutAsync(WaymarkAuth.Scheme);
        return Redirect("/sign-in?signedOut=true");
    }
}
