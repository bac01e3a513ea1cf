using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Accounts;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Admin.Users;

public sealed class AddModel(WaymarkDbContext db, UserAccountService accounts, Auditor auditor) : WaymarkPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public int? School { get; set; }

    /// <summary>Shown once, on this response only; never stored or sent anywhere else.</summary>
    public string? InitialPassword { get; private set; }

    public IReadOnlyList<SelectOption> RoleOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadOptionsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var password = UserAccountService.GeneratePassword();
        var result = await accounts.CreateAsync(new NewUser(Email, DisplayName, UserForm.ParseRole(Role), School, password));
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            await LoadOptionsAsync();
            return Page();
        }

        await auditor.RecordNowAsync(AuditActions.UserCreated, detail: $"{result.User!.Email} as {Role}");
        InitialPassword = password;
        return Page();
    }

    private async Task LoadOptionsAsync()
    {
        RoleOptions = UserForm.RoleOptions(Role);
        SchoolOptions = await UserForm.SchoolOptionsAsync(db, School);
    }
}
