using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Account;

public sealed class SignInModel(
    WaymarkDbContext db,
    SignInManager<WaymarkUser> signInManager,
    Auditor auditor,
    TimeProvider clock,
    OidcSettings oidc) : WaymarkPageModel
{
    // One message for every failure, so the page never reveals which accounts exist.
    public const string FailureMessage = "Enter a correct email address and password";
    public const string LockedOutMessage = "Your account is locked because of too many failed attempts. Try again in 15 minutes, or ask your administrator.";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public OidcSettings Oidc => oidc;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (!new EmailAddressAttribute().IsValid(Email.Trim()))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var normalised = Email!.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised);
        if (user is null || !user.IsActive)
        {
            await auditor.RecordNowAsync(AuditActions.SignInFailed, detail: $"unknown or inactive account {Email!.Trim()}");
            ModelState.AddModelError(nameof(Email), FailureMessage);
            return Page();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await auditor.RecordNowAsync(AuditActions.SignInFailed, detail: result.IsLockedOut ? "locked out" : "wrong password", userId: user.Id);
            ModelState.AddModelError(nameof(Email), result.IsLockedOut ? LockedOutMessage : FailureMessage);
            return Page();
        }

        user.LastSignedInAtUtc = clock.GetUtcNow().UtcDateTime;
        auditor.Record(AuditActions.SignIn, userId: user.Id);
        await db.SaveChangesAsync();
        await HttpContext.SignInAsync(WaymarkAuth.Scheme, WaymarkAuth.CreatePrincipal(user));
        return LocalRedirect(SafeReturnUrl());
    }

    public IActionResult OnPostExternal()
    {
        if (!oidc.Enabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = "/sign-in/external" }, WaymarkAuth.OidcScheme);
    }

    private string SafeReturnUrl() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
