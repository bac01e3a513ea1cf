using Microsoft.AspNetCore.Identity;
using Waymark.Domain.People;

namespace Waymark.Data.Entities;

/// <summary>A member of staff who signs in. Users are created by an administrator; there is no self-registration.</summary>
public class WaymarkUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public Role Role { get; set; }

    /// <summary>Set for school roles: the school whose roll the user may see.</summary>
    public int? SchoolId { get; set; }

    public School? School { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignedInAtUtc { get; set; }
}
