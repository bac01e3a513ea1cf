using System.Globalization;
using System.Security.Claims;
using Waymark.Data.Access;
using Waymark.Domain.People;

namespace Waymark.Web.Auth;

/// <summary>The signed-in user of this request, as refreshed from the database by <see cref="WaymarkAuth"/>.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("There is no current request.");

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("No user is signed in.");

    public string DisplayName => Principal.FindFirstValue(ClaimTypes.Name) ?? "";

    public Role Role => Policies.RoleOf(Principal) ?? throw new InvalidOperationException("The user has no role.");

    public int? SchoolId => Principal.FindFirstValue(WaymarkAuth.SchoolClaim) is string s
        ? int.Parse(s, CultureInfo.InvariantCulture)
        : null;

    public UserScope Scope => new(Id, Role, SchoolId);
}
