using Waymark.Domain.Adulthood;

namespace Waymark.Data.Entities;

/// <summary>
/// One item of a young person's Preparing for Adulthood checklist. A row exists once someone has recorded the item; until
/// then the item shows as not started, due at its age (<see cref="PfaChecklist.DefaultDueOn"/>).
/// </summary>
public class PfaChecklistItem
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public PfaItem Item { get; set; }

    public PfaItemStatus Status { get; set; }

    /// <summary>Who is responsible for the item: a name and their service, often outside Waymark (a college, ASC, health).</summary>
    public string? Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public string? EvidenceNote { get; set; }

    /// <summary>For the assessment outcome item: what Adult Social Care found.</summary>
    public AscOutcome? AscOutcome { get; set; }

    /// <summary>For the employment or education programme: its start and end, and whether employment was kept after it.</summary>
    public DateOnly? ProgrammeStart { get; set; }

    public DateOnly? ProgrammeEnd { get; set; }

    public bool? RetainedEmployment { get; set; }

    /// <summary>The day the item was first marked done or not needed; cleared if it is reopened.</summary>
    public DateOnly? ClosedOn { get; set; }

    public required string UpdatedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A joint panel for complex cases on a date: the agencies present and the young people listed, with decisions and actions.</summary>
public class JointPanel
{
    public int Id { get; set; }

    public DateOnly MeetsOn { get; set; }

    /// <summary>The agencies present, as <see cref="JointPanels.Join"/> stores them.</summary>
    public string Agencies { get; set; } = "";

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<JointPanelCase> Cases { get; set; } = [];
}

/// <summary>A young person listed for a panel, why, and what the panel decided and who does what.</summary>
public class JointPanelCase
{
    public int Id { get; set; }

    public int PanelId { get; set; }

    public JointPanel? Panel { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public required string Reason { get; set; }

    public string? Decision { get; set; }

    public string? Actions { get; set; }

    public string? ActionsOwner { get; set; }

    public DateOnly? ActionsDueOn { get; set; }

    public required string ListedByUserId { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A care leaver's personal adviser and education, employment or training status.</summary>
public class CareLeaverDetails
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public string? PersonalAdviser { get; set; }

    public EetStatus EetStatus { get; set; }

    public DateOnly? EetStatusOn { get; set; }

    /// <summary>When the pathway plan began: the first review is due six months on.</summary>
    public DateOnly? PathwayPlanStartedOn { get; set; }

    public required string UpdatedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A review of a care leaver's pathway plan (at least every six months, <see cref="CareLeavers.NextReviewDue"/>).</summary>
public class PathwayPlanReview
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public DateOnly ReviewedOn { get; set; }

    public string? Note { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
