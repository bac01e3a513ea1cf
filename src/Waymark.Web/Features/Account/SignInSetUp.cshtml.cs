using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>
/// Setting up an authenticator during sign-in, for someone who must use two-factor and has none yet.
/// Wrong codes here do not count towards lockout: they are checked against a key this page has just
/// shown, so a guess would prove nothing.
/// </summary>
public sealed class SignInSetUpModel(PendingSignIn pending, TwoFactorAccounts twoFactor, UserManager<WaymarkUser> users, Auditor auditor)
    : SecondFactorPageModel(pending, twoFactor, users, auditor)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? SealedKey { get; set; }

    public AuthenticatorSetUp? SetUp { get; private set; }

    /// <summary>Set once the authenticator is set up and the session begun: shown on this response only.</summary>
    public RecoveryCodesView? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ResumeAsync(forSetUp: true) is IActionResult elsewhere)
        {
            return elsewhere;
        }

        SetUp = await TwoFactor.StartSetUpAsync(SigningIn.User);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ResumeAsync(forSetUp: true) is IActionResult elsewhere)
        {
            return elsewhere;
        }

        var user = SigningIn.User;
        SetUp = await TwoFactor.ResumeSetUpAsync(user, SealedKey);
        if (SetUp is null)
        {
            SetUp = await TwoFactor.StartSetUpAsync(user);
            ModelState.AddModelError(nameof(Code), "Setting up took too long. Scan the QR code again, then enter the code the app shows");
            return Page();
        }

        var code = Totp.Normalise(Code);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
            return Page();
        }

        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), "The code must be 6 digits");
            return Page();
        }

        var codes = await TwoFactor.CompleteSetUpAsync(user, SetUp, code);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check the app has the key shown on this page, then enter the code it shows now");
            return Page();
        }

        Auditor.Record(AuditActions.TwoFactorSetUp, detail: "while signing in", userId: user.Id);
        await SignInAsync("password and newly set-up authenticator app");
        RecoveryCodes = new RecoveryCodesView(codes, ReturnUrl, "Continue to Waymark");
        return Page();
    }
}
