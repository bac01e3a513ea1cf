namespace Waymark.Data.Entities;

/// <summary>A UPN the child used to have, such as a temporary UPN replaced when the permanent one arrived.</summary>
public class FormerUpn
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public required string Upn { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
