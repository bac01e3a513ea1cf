using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

public sealed class SignInCodeModel(PendingSignIn pending, TwoFactorAccounts twoFactor, UserManager<WaymarkUser> users, Auditor auditor)
    : SecondFactorPageModel(pending, twoFactor, users, auditor)
{
    public const string WrongCodeMessage = "The code is not correct or has already been used. Enter the code your app shows now";

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await ResumeAsync(forSetUp: false) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ResumeAsync(forSetUp: false) is IActionResult elsewhere)
        {
            return elsewhere;
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

        if (!await TwoFactor.VerifyCodeAsync(SigningIn.User, code))
        {
            return await WrongAsync(nameof(Code), WrongCodeMessage, "wrong authenticator code");
        }

        await SignInAsync("password and authenticator app");
        return LocalRedirect(ReturnUrl);
    }
}
