using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

public sealed class SignInRecoveryCodeModel(PendingSignIn pending, TwoFactorAccounts twoFactor, UserManager<WaymarkUser> users, Auditor auditor)
    : SecondFactorPageModel(pending, twoFactor, users, auditor)
{
    public const string WrongCodeMessage = "The recovery code is not correct or has already been used";

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() => await ResumeAsync(forSetUp: false) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ResumeAsync(forSetUp: false) is IActionResult elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter a recovery code");
            return Page();
        }

        var user = SigningIn.User;
        if (!await TwoFactor.RedeemRecoveryCodeAsync(user, RecoveryCode))
        {
            return await WrongAsync(nameof(RecoveryCode), WrongCodeMessage, "wrong recovery code");
        }

        var left = await TwoFactor.RecoveryCodesLeftAsync(user);
        Auditor.Record(AuditActions.RecoveryCodeUsed, detail: $"{left} left", userId: user.Id);
        await SignInAsync("password and recovery code");
        Flash($"You signed in with a recovery code. You have {left} left. If you have lost your authenticator app, set up a new one from Your account.");
        return LocalRedirect(ReturnUrl);
    }
}
