using Waymark.Domain.Attendance;

namespace Waymark.Data.Entities;

/// <summary>
/// A suspension or permanent exclusion as the school records it for the census: its start, length,
/// up to three reasons, and what followed (alternative provision, the reintegration meeting).
/// </summary>
public class Suspension
{
    public long Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>The school that suspended or excluded the child.</summary>
    public int SchoolId { get; set; }

    public School? School { get; set; }

    public ExclusionKind Kind { get; set; }

    public DateOnly StartDate { get; set; }

    public Session FirstSession { get; set; }

    /// <summary>Length in sessions (half days) for a suspension; null for a permanent exclusion, which has no end.</summary>
    public int? Sessions { get; set; }

    /// <summary>The main reason, then up to two more, as DfE codes (census ReasonCode1–3).</summary>
    public required string Reason1 { get; set; }

    public string? Reason2 { get; set; }

    public string? Reason3 { get; set; }

    public DateOnly? AlternativeProvisionFrom { get; set; }

    /// <summary>Who provides it, e.g. the pupil referral unit or another school.</summary>
    public string? AlternativeProvisionBy { get; set; }

    public DateOnly? ReintegrationMeetingOn { get; set; }

    public string? ReintegrationNote { get; set; }

    public required string RecordedByUserId { get; set; }

    public WaymarkUser? RecordedBy { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public IReadOnlyList<string> Reasons => new[] { Reason1, Reason2, Reason3 }.OfType<string>().ToList();

    public DateOnly? AlternativeProvisionDueOn => SuspensionRules.AlternativeProvisionDueOn(Kind, StartDate, Sessions);
}
