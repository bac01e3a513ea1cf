using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>
/// Completes an OpenID Connect sign-in. The council's identity provider proves who the person is;
/// Waymark still decides whether they have an account (no self-registration) and what they may see.
/// </summary>
public sealed class ExternalCallbackModel(WaymarkDbContext db, Auditor auditor, TimeProvider clock) : WaymarkPageModel
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
        var email = external.Principal.FindFirstValue(ClaimTypes.Email)
            ?? external.Principal.FindFirstValue("email")
            ?? external.Principal.FindFirstValue("preferred_username");
        var normalised = email?.Trim().ToUpperInvariant();
        var user = normalised is null ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised);
        if (user is null || !user.IsActive)
        {
            await auditor.RecordNowAsync(AuditActions.SignInFailed, detail: $"external sign-in without an active account: {email}");
            Problem = "You signed in to your council account, but you do not have an active Waymark account. Ask your Waymark administrator to add you.";
            return Page();
        }

        user.LastSignedInAtUtc = clock.GetUtcNow().UtcDateTime;
        auditor.Record(AuditActions.SignIn, detail: "external", userId: user.Id);
        await db.SaveChangesAsync();
        await HttpContext.SignInAsync(WaymarkAuth.Scheme, WaymarkAuth.CreatePrincipal(user));
        return Redirect("/");
    }
}
