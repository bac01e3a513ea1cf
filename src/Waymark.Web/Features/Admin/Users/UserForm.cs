using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.People;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Admin.Users;

/// <summary>Choices shared by the add and change pages.</summary>
public static class UserForm
{
    public static IReadOnlyList<SelectOption> RoleOptions(string? selected) =>
        [new SelectOption("", "Select a role", string.IsNullOrEmpty(selected)),
            .. Roles.All.Select(r => new SelectOption(Roles.CommandName(r), Roles.DisplayName(r), Roles.CommandName(r) == selected))];

    public static async Task<IReadOnlyList<SelectOption>> SchoolOptionsAsync(WaymarkDbContext db, int? selected) =>
        [new SelectOption("", "None (local authority role)", selected is null),
            .. (await db.Schools.AsNoTracking().Where(s => s.IsOpen).OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync())
                .Select(s => new SelectOption(s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Urn == selected))];

    public static Role? ParseRole(string? value) => value is not null && Roles.TryParse(value, out var role) ? role : null;
}
