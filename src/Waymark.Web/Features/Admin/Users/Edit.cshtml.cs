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

public sealed class EditModel(WaymarkDbContext db, UserAccountService accounts, Auditor auditor, CurrentUser currentUser) : WaymarkPageModel
{
    public WaymarkUser EditedUser { get; private set; } = null!;

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

        EditedUser = user;
        Role = Roles.CommandName(user.Role);
        School = user.School?.Urn;
        IsActive = user.IsActive;
        await LoadOptionsAsync();
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

        EditedUser = before;
        await LoadOptionsAsync();
        return Page();
    }

    private async Task LoadOptionsAsync()
    {
        RoleOptions = UserForm.RoleOptions(Role);
        SchoolOptions = await UserForm.SchoolOptionsAsync(db, School);
    }
}
