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

    /// <summary>Set when an administrator resets the user's two-factor: they must set up an authenticator at their next sign-in, whatever their role.</summary>
    public bool TwoFactorEnrolmentRequired { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted, so no code is accepted twice.</summary>
    public long? LastTotpTimeStep { get; set; }
}
