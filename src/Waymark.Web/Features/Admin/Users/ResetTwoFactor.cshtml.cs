using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Admin.Users;

/// <summary>For someone who has lost their authenticator app and recovery codes: they set up a new one at their next sign-in.</summary>
public sealed class ResetTwoFactorModel(UserManager<WaymarkUser> users, TwoFactorAccounts twoFactor, Auditor auditor) : WaymarkPageModel
{
    public WaymarkUser EditedUser { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not WaymarkUser user)
        {
            return NotFound();
        }

        EditedUser = user;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not WaymarkUser user)
        {
            return NotFound();
        }

        await twoFactor.ResetAsync(user);
        await auditor.RecordNowAsync(AuditActions.TwoFactorReset, detail: user.Email);
        Flash($"Two-factor authentication reset for {user.DisplayName}. They will set up an authenticator app when they next sign in");
        return Redirect($"/admin/users/{id}");
    }
}
