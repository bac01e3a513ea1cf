namespace Waymark.Data.Entities;

/// <summary>
/// A signed-in session, held on the server so that signing out (or an administrator) ends it for
/// good: a copied cookie for an ended session is refused.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    public string? EndReason { get; set; }

    public string? IpAddress { get; set; }
}
