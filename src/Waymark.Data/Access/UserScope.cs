using Waymark.Domain.People;

namespace Waymark.Data.Access;

/// <summary>What a signed-in user may see, read fresh from the database on every request.</summary>
public sealed record UserScope(string UserId, Role Role, int? SchoolId)
{
    public DataScope DataScope => Roles.ScopeOf(Role);
}
