using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

public sealed class RecoveryCodesModel(UserManager<WaymarkUser> users, TwoFactorAccounts twoFactor, Auditor auditor, CurrentUser currentUser)
    : WaymarkPageModel
{
    public RecoveryCodesView? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.FindByIdAsync(currentUser.Id) is WaymarkUser me && await twoFactor.HasAuthenticatorAsync(me) ? Page() : Redirect("/account");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.FindByIdAsync(currentUser.Id) is not WaymarkUser me || !await twoFactor.HasAuthenticatorAsync(me))
        {
            return Redirect("/account");
        }

        var codes = await twoFactor.RenewRecoveryCodesAsync(me);
        await auditor.RecordNowAsync(AuditActions.RecoveryCodesRenewed);
        RecoveryCodes = new RecoveryCodesView(codes, "/account", "Back to your account");
        return Page();
    }
}
