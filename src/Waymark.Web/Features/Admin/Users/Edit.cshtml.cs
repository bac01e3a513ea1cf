using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Accounts;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Admin.Users;

public sealed class EditModel(
    WaymarkDbContext db,
    UserAccountService accounts,
    Auditor auditor,
    CurrentUser currentUser,
    TwoFactorAccounts twoFactor,
    TimeProvider clock) : WaymarkPageModel
{
    public WaymarkUser EditedUser { get; private set; } = null!;

    public bool HasAuthenticator { get; private set; }

    public bool TwoFactorRequired { get; private set; }

    /// <summary>Sessions not yet ended nor past the absolute limit (some may have lapsed from idleness).</summary>
    public int OpenSessions { get; private set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public int? School { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    public IReadOnlyList<SelectOption> RoleOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.School).SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return NotFound();
        }

        Role = Roles.CommandName(user.Role);
        School = user.School?.Urn;
        IsActive = user.IsActive;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (id == currentUser.Id && (!IsActive || UserForm.ParseRole(Role) != Domain.People.Role.LaAdmin))
        {
            ModelState.AddModelError(nameof(Role), "You cannot remove your own administrator access; ask another administrator");
        }

        var before = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (before is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.ChangeAsync(id, UserForm.ParseRole(Role), School, IsActive);
            if (result.Succeeded)
            {
                auditor.Record(AuditActions.UserChanged, detail:
                    $"{before.Email}: role {Roles.CommandName(before.Role)} -> {Role}; school {before.SchoolId} -> {result.User!.SchoolId}; active {before.IsActive} -> {IsActive}");
                await db.SaveChangesAsync();
                return Redirect("/admin/users");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        await LoadAsync(before);
        return Page();
    }

    private async Task LoadAsync(WaymarkUser user)
    {
        EditedUser = user;
        HasAuthenticator = await twoFactor.HasAuthenticatorAsync(user);
        TwoFactorRequired = twoFactor.IsRequired(user);
        var since = clock.GetUtcNow().UtcDateTime - WaymarkAuth.AbsoluteTimeout;
        OpenSessions = await db.UserSessions.CountAsync(s => s.UserId == user.Id && s.EndedAtUtc == null && s.CreatedAtUtc > since);
        RoleOptions = UserForm.RoleOptions(Role);
        SchoolOptions = await UserForm.SchoolOptionsAsync(db, School);
    }
}
