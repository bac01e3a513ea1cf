using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Account;

/// <summary>
/// The steps after a correct password: each works only from the half-signed-in cookie, and the sign-in
/// rate limit per address covers their posts as it does the password's.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public abstract class SecondFactorPageModel(
    PendingSignIn pending,
    TwoFactorAccounts twoFactor,
    UserManager<WaymarkUser> users,
    Auditor auditor) : WaymarkPageModel
{
    /// <summary>Too many wrong codes: the account is locked and this sign-in is over.</summary>
    public bool Locked { get; private set; }

    protected PendingUser SigningIn { get; private set; } = null!;

    protected TwoFactorAccounts TwoFactor => twoFactor;

    protected Auditor Auditor => auditor;

    /// <summary>Null if this step may go on with <see cref="SigningIn"/>; otherwise where to send the browser instead.</summary>
    protected async Task<IActionResult?> ResumeAsync(bool forSetUp)
    {
        var resumed = await pending.ResumeAsync(HttpContext);
        if (resumed is null)
        {
            var hadOne = !(await HttpContext.AuthenticateAsync(WaymarkAuth.PendingScheme)).None;
            await PendingSignIn.EndAsync(HttpContext);
            return Redirect(hadOne ? "/sign-in?timedOut=true" : "/sign-in");
        }

        SigningIn = resumed;
        var user = resumed.User;

        // An administrator may have reset or set up two-factor meanwhile: go to the step that now applies.
        var hasAuthenticator = await twoFactor.HasAuthenticatorAsync(user);
        if (hasAuthenticator == forSetUp)
        {
            return Redirect(hasAuthenticator ? "/sign-in/code" : "/sign-in/set-up");
        }

        if (forSetUp && !twoFactor.IsRequired(user))
        {
            await PendingSignIn.EndAsync(HttpContext);
            return Redirect("/sign-in");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await LockedAsync();
        }

        return null;
    }

    /// <summary>The second factor passed: only now is there a session.</summary>
    protected async Task SignInAsync(string method)
    {
        await users.ResetAccessFailedCountAsync(SigningIn.User);
        await PendingSignIn.EndAsync(HttpContext);
        await WaymarkAuth.SignInAsync(HttpContext, SigningIn.User, method);
    }

    protected string ReturnUrl => Url.IsLocalUrl(SigningIn.ReturnUrl) ? SigningIn.ReturnUrl : "/";

    /// <summary>A wrong code counts towards the same lockout as wrong passwords.</summary>
    protected async Task<IActionResult> WrongAsync(string field, string message, string detail)
    {
        var user = SigningIn.User;
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        await auditor.RecordNowAsync(AuditActions.TwoFactorFailed, detail: locked ? detail + "; account locked" : detail, userId: user.Id);
        if (locked)
        {
            return await LockedAsync();
        }

        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<IActionResult> LockedAsync()
    {
        Locked = true;
        await PendingSignIn.EndAsync(HttpContext);
        return Page();
    }
}
