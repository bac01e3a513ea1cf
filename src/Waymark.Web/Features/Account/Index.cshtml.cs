using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>The signed-in person's own account: two-factor authentication and signing out everywhere.</summary>
public sealed class IndexModel(UserManager<WaymarkUser> users, TwoFactorAccounts twoFactor, CurrentUser currentUser) : WaymarkPageModel
{
    public WaymarkUser Me { get; private set; } = null!;

    public bool HasAuthenticator { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.FindByIdAsync(currentUser.Id) is not WaymarkUser me)
        {
            return NotFound();
        }

        Me = me;
        HasAuthenticator = await twoFactor.HasAuthenticatorAsync(me);
        Required = twoFactor.IsRequired(me);
        RecoveryCodesLeft = HasAuthenticator ? await twoFactor.RecoveryCodesLeftAsync(me) : 0;
        return Page();
    }
}
