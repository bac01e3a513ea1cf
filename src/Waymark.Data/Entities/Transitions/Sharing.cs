using Waymark.Domain.Transitions;

namespace Waymark.Data.Entities;

/// <summary>A consent: who gave it, for what purpose, from when, and when it was withdrawn.</summary>
public class Consent
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public required string Purpose { get; set; }

    /// <summary>Which information the consent covers, in the words agreed with the person giving it.</summary>
    public string? DataCovered { get; set; }

    public required string GivenByName { get; set; }

    public ConsentGiver GivenBy { get; set; }

    public DateOnly GivenOn { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? WithdrawnNote { get; set; }

    public string? WithdrawalRecordedByUserId { get; set; }

    public bool InForce => WithdrawnOn is null;
}

/// <summary>
/// A share of information about a child with an organisation: what, to whom, on what basis.
/// Access by the recipient lasts while the share is in force (<see cref="EndedAtUtc"/> is null).
/// </summary>
public class InformationShare
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public Guid? TransitionId { get; set; }

    public Transition? Transition { get; set; }

    public required string What { get; set; }

    /// <summary>A school in Waymark, whose staff then see what was shared while the share is in force.</summary>
    public int? RecipientSchoolId { get; set; }

    public School? RecipientSchool { get; set; }

    /// <summary>Any other recipient (police, health, another council), named as the person sharing wrote it.</summary>
    public string? RecipientOrganisation { get; set; }

    /// <summary>The date the information was given; for shares made through Waymark, the day the share opened.</summary>
    public DateOnly? SharedOn { get; set; }

    public string RecipientName => RecipientSchool?.Name ?? RecipientOrganisation ?? "Unknown recipient";

    public ShareBasis Basis { get; set; }

    public int? ConsentId { get; set; }

    public Consent? Consent { get; set; }

    public string? Reason { get; set; }

    /// <summary>Null when the command line shared it, run by the server's operator (named in <see cref="Reason"/>).</summary>
    public string? SharedByUserId { get; set; }

    public DateTime SharedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    public string? EndReason { get; set; }

    public string? AcknowledgedByUserId { get; set; }

    public WaymarkUser? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }
}

/// <summary>A Year 7 review: how the child has settled, attendance before and after the move, suspensions.</summary>
public class FollowUpReview
{
    public int Id { get; set; }

    public Guid TransitionId { get; set; }

    public FollowUpKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public SettlingIn SettlingIn { get; set; }

    public decimal? Year6AttendancePercent { get; set; }

    public decimal? Year7AttendancePercent { get; set; }

    public int Suspensions { get; set; }

    public string? Notes { get; set; }

    public string? NextSteps { get; set; }

    /// <summary>Why the child is flagged, one reason per line; null when not flagged.</summary>
    public string? Flags { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
