using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>
/// Setting up an authenticator from the account page, or replacing one: the old app keeps working
/// until a code from the new one proves it.
/// </summary>
public sealed class AuthenticatorModel(UserManager<WaymarkUser> users, TwoFactorAccounts twoFactor, Auditor auditor, CurrentUser currentUser)
    : WaymarkPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? SealedKey { get; set; }

    public bool Replacing { get; private set; }

    public AuthenticatorSetUp? SetUp { get; private set; }

    public RecoveryCodesView? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.FindByIdAsync(currentUser.Id) is not WaymarkUser me)
        {
            return NotFound();
        }

        Replacing = await twoFactor.HasAuthenticatorAsync(me);
        SetUp = await twoFactor.StartSetUpAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.FindByIdAsync(currentUser.Id) is not WaymarkUser me)
        {
            return NotFound();
        }

        Replacing = await twoFactor.HasAuthenticatorAsync(me);
        SetUp = await twoFactor.ResumeSetUpAsync(me, SealedKey);
        if (SetUp is null)
        {
            SetUp = await twoFactor.StartSetUpAsync(me);
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

        var codes = await twoFactor.CompleteSetUpAsync(me, SetUp, code);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check the app has the key shown on this page, then enter the code it shows now");
            return Page();
        }

        await auditor.RecordNowAsync(AuditActions.TwoFactorSetUp, detail: Replacing ? "new authenticator app, from the account page" : "from the account page");
        RecoveryCodes = new RecoveryCodesView(codes, "/account", "Back to your account");
        return Page();
    }
}
