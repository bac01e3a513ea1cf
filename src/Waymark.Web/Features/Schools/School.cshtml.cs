using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.LinkCalls;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Schools;

public sealed class SchoolModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public School School { get; private set; } = null!;

    /// <summary>Pupils on roll that this user may see; null when the user has no view of this school's roll.</summary>
    public int? PupilsOnRoll { get; private set; }

    /// <summary>The school's own staff and LA-wide users may open its attendance.</summary>
    public bool SeesAttendance { get; private set; }

    /// <summary>The LA's officers and the school's own staff may open its link with the LA (<see cref="LinkCallAccess"/>).</summary>
    public bool SeesLink { get; private set; }

    /// <summary>LA-wide users, the school's own staff and its peer moderator's staff may open its quality mark.</summary>
    public bool SeesQualityMark { get; private set; }

    public IReadOnlyList<(string Name, string Role)> Staff { get; private set; } = [];

    /// <summary>A GIAS link from this school; <see cref="InRegister"/> when Waymark holds the linked school and can link to its page.</summary>
    public sealed record LinkedSchool(string LinkType, SchoolLinkDirection Direction, int Urn, string Name, bool InRegister, SchoolStatus? Status, DateOnly? EstablishedOn);

    /// <summary>Predecessors first, then successors, then other links, each oldest first.</summary>
    public IReadOnlyList<LinkedSchool> Links { get; private set; } = [];

    public IEnumerable<LinkedSchool> Successors => Links.Where(l => l.Direction == SchoolLinkDirection.Successor);

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
        SeesLink = LinkCallAccess.CanRecord(scope.Role) || (LinkCallAccess.CanSeeOwnSchool(scope.Role) && scope.SchoolId == school.Id);
        if (seesRoll)
        {
            PupilsOnRoll = await db.Children.VisibleTo(db, scope, today).OnRollOf(school.Id, today).CountAsync();
        }

        // School details and their GIAS history are public information, shown to every signed-in role; no child is involved.
        var links = await db.SchoolLinks.AsNoTracking().Where(l => l.SchoolId == school.Id).ToListAsync();
        var linkedUrns = links.Select(l => l.LinkedUrn).ToList();
        var registered = await db.Schools.AsNoTracking().Where(s => linkedUrns.Contains(s.Urn))
            .Select(s => new { s.Urn, s.Name, s.Status }).ToDictionaryAsync(s => s.Urn);
        Links = links
            .Select(l => registered.TryGetValue(l.LinkedUrn, out var held)
                ? new LinkedSchool(l.LinkType, SchoolLinkTypes.Direction(l.LinkType), l.LinkedUrn, held.Name, true, held.Status, l.EstablishedOn)
                : new LinkedSchool(l.LinkType, SchoolLinkTypes.Direction(l.LinkType), l.LinkedUrn, l.LinkedName ?? $"URN {l.LinkedUrn}", false, null, l.EstablishedOn))
            .OrderBy(l => l.Direction).ThenBy(l => l.EstablishedOn).ThenBy(l => l.Urn)
            .ToList();

        SeesQualityMark = scope.DataScope == DataScope.LocalAuthority
            || (scope.DataScope == DataScope.School && (scope.SchoolId == school.Id
                || await db.QualityMarkModerators.AnyAsync(m => m.SchoolId == school.Id && m.ModeratorSchoolId == scope.SchoolId)));
        var staff = await db.Users.AsNoTracking().Where(u => u.SchoolId == school.Id && u.IsActive)
            .OrderBy(u => u.DisplayName).Select(u => new { u.DisplayName, u.Role }).ToListAsync();
        Staff = staff.Select(s => (s.DisplayName, Roles.DisplayName(s.Role))).ToList();
        return Page();
    }
}
