using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>
/// Completes a council identity-provider sign-in. The provider proves who the person is; Waymark
/// still decides whether they have an account (no self-registration) and what they may see.
/// </summary>
public sealed class ExternalCallbackModel(ExternalAccountLinker linker, Auditor auditor) : WaymarkPageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var external = await HttpContext.AuthenticateAsync(WaymarkAuth.ExternalScheme);
        if (!external.Succeeded)
        {
            return Redirect("/sign-in");
        }

        await HttpContext.SignOutAsync(WaymarkAuth.ExternalScheme);
        var outcome = await linker.ResolveAsync(external.Principal);
        if (outcome.User is null)
        {
            await auditor.RecordNowAsync(AuditActions.SignInFailed, detail: "council account: " + outcome.AuditDetail);
            Problem = outcome.Problem;
            return Page();
        }

        await WaymarkAuth.SignInAsync(HttpContext, outcome.User, outcome.AuditDetail);
        return Redirect("/");
    }
}
