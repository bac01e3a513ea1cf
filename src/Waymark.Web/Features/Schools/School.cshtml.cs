using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Schools;

public sealed class SchoolModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public School School { get; private set; } = null!;

    /// <summary>Pupils on roll that this user may see; null when the user has no view of this school's roll.</summary>
    public int? PupilsOnRoll { get; private set; }

    /// <summary>The school's own staff and LA-wide users may open its attendance.</summary>
    public bool SeesAttendance { get; private set; }

    public IReadOnlyList<(string Name, string Role)> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn);
        if (school is null)
        {
            return NotFound();
        }

        School = school;
        var today = Today(clock);
        var scope = currentUser.Scope;
        var seesRoll = scope.DataScope == DataScope.LocalAuthority
            || (scope.DataScope == DataScope.School && scope.SchoolId == school.Id);
        SeesAttendance = seesRoll;
        if (seesRoll)
        {
            PupilsOnRoll = await db.Children.VisibleTo(db, scope, today).OnRollOf(school.Id, today).CountAsync();
        }

        var staff = await db.Users.AsNoTracking().Where(u => u.SchoolId == school.Id && u.IsActive)
            .OrderBy(u => u.DisplayName).Select(u => new { u.DisplayName, u.Role }).ToListAsync();
        Staff = staff.Select(s => (s.DisplayName, Roles.DisplayName(s.Role))).ToList();
        return Page();
    }
}
