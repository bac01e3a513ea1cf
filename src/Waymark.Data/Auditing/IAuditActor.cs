namespace Waymark.Data.Auditing;

/// <summary>Who is acting, for audit entries the database layer makes itself (changes without an explicit entry).</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? IpAddress { get; }
}
