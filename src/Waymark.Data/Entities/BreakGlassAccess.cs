namespace Waymark.Data.Entities;

/// <summary>
/// An LA user opened a child's record outside their need-to-know, giving a reason. It lets them see that child until
/// the end of <see cref="GrantedOn"/>; every view meanwhile carries the reason in the audit log; administrators and
/// the Caldicott Guardian are told, and one of them marks it reviewed.
/// </summary>
public class BreakGlassAccess
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public WaymarkUser? User { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public required string Reason { get; set; }

    public DateTime GrantedAtUtc { get; set; }

    /// <summary>The UK date it was given; it lasts until midnight.</summary>
    public DateOnly GrantedOn { get; set; }

    public string? ReviewedByUserId { get; set; }

    public WaymarkUser? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewNote { get; set; }
}
