using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(
    WaymarkDbContext db,
    SignInManager<WaymarkUser> signInManager,
    IPasswordHasher<WaymarkUser> passwordHasher,
    Auditor auditor,
    TwoFactorAccounts twoFactor,
    OidcSettings oidc) : WaymarkPageModel
{
    // One message for every failure, locked accounts included, so the page never reveals which accounts exist.
    public const string FailureMessage = "Enter a correct email address and password";

    // Unknown accounts still pay for a hash check, so response time does not tell them apart either.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<WaymarkUser>().HashPassword(new WaymarkUser { DisplayName = "" }, Guid.NewGuid().ToString()));

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>Signed out by "Sign out everywhere", which ended the sessions on other devices too.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Everywhere { get; set; }

    /// <summary>Sent back here because the second step of signing in took longer than it may.</summary>
    [BindProperty(SupportsGet = true)]
    public bool TimedOut { get; set; }

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
            passwordHasher.VerifyHashedPassword(new WaymarkUser { DisplayName = "" }, DummyHash.Value, Password!);
            await auditor.RecordNowAsync(AuditActions.SignInFailed, detail: $"unknown or inactive account {Email!.Trim()}");
            ModelState.AddModelError(nameof(Email), FailureMessage);
            return Page();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await auditor.RecordNowAsync(AuditActions.SignInFailed, detail: result.IsLockedOut ? "locked out" : "wrong password", userId: user.Id);
            ModelState.AddModelError(nameof(Email), FailureMessage);
            return Page();
        }

        // No session until the second factor passes: only a short-lived half-signed-in cookie.
        if (await twoFactor.HasAuthenticatorAsync(user))
        {
            await PendingSignIn.StartAsync(HttpContext, user, SafeReturnUrl());
            return Redirect("/sign-in/code");
        }

        if (twoFactor.IsRequired(user))
        {
            await PendingSignIn.StartAsync(HttpContext, user, SafeReturnUrl());
            return Redirect("/sign-in/set-up");
        }

        await WaymarkAuth.SignInAsync(HttpContext, user, "password");
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
