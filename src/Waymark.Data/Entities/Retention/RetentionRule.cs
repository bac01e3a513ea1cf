using Waymark.Domain.Retention;

namespace Waymark.Data.Entities;

/// <summary>The LA's retention period for one record type; seeded with the defaults of <see cref="RetentionRules"/>.</summary>
public class RetentionRule
{
    public RetentionRecordType RecordType { get; set; }

    public int Years { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }
}

/// <summary>
/// A legal hold on a child's record (for example a claim or an inquiry), which stops any of it being deleted
/// under the retention rules until the hold is lifted. Lifted holds stay as history.
/// </summary>
public class LegalHold
{
    public const int MaxReasonLength = 1000;

    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public required string Reason { get; set; }

    public required string PlacedByUserId { get; set; }

    public DateTime PlacedAtUtc { get; set; }

    public DateTime? LiftedAtUtc { get; set; }

    public string? LiftedByUserId { get; set; }

    public string? LiftedReason { get; set; }

    public bool InForce => LiftedAtUtc is null;
}
