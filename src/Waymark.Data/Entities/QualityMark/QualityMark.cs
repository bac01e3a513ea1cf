using Waymark.Domain.QualityMark;

namespace Waymark.Data.Entities;

/// <summary>One of the LA's quality mark standards. Retired rather than deleted, so past assessments keep their standard.</summary>
public class QualityMarkStandard
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public int Id { get; set; }

    /// <summary>Its place in the list, from 1; the LA may reorder.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    /// <summary>Set when the LA retires it: no longer assessed or counted, still shown where it was.</summary>
    public DateTime? RetiredAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public List<QualityMarkMilestone> Milestones { get; set; } = [];
}

/// <summary>The LA's expectation that every school has completed these standards by the end of <see cref="DueOn"/>.</summary>
public class QualityMarkMilestone
{
    public int Id { get; set; }

    public DateOnly DueOn { get; set; }

    public List<QualityMarkStandard> Standards { get; set; } = [];

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public Milestone ToRule() => new(DueOn, Standards.Select(s => s.Id).ToHashSet());
}

/// <summary>The school the LA has asked to moderate another's self-assessment (one moderator per school).</summary>
public class QualityMarkModerator
{
    /// <summary>The school being moderated; also the key.</summary>
    public int SchoolId { get; set; }

    public int ModeratorSchoolId { get; set; }

    public required string AssignedByUserId { get; set; }

    public DateTime AssignedAtUtc { get; set; }
}

/// <summary>A school's self-assessment of one standard, and its moderation.</summary>
public class QualityMarkAssessment
{
    public int Id { get; set; }

    public int SchoolId { get; set; }

    public int StandardId { get; set; }

    public QualityMarkStandard Standard { get; set; } = null!;

    public AssessmentStage Stage { get; set; }

    public Judgement Judgement { get; set; }

    public string? Evidence { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedByUserId { get; set; }

    /// <summary>The school that moderated it (the moderator then; the LA may assign another later).</summary>
    public int? ModeratedBySchoolId { get; set; }

    public string? ModeratedByUserId { get; set; }

    public DateTime? ModeratedAtUtc { get; set; }

    public string? ModerationNote { get; set; }

    /// <summary>The UK day the moderator agreed: the day the standard was completed.</summary>
    public DateOnly? CompletedOn { get; set; }

    public required string UpdatedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<QualityMarkAssessmentChange> Changes { get; set; } = [];
}

/// <summary>One field of a self-assessment changed: who, when, from what to what.</summary>
public class QualityMarkAssessmentChange
{
    public const int MaxValueLength = 8000;

    public long Id { get; set; }

    public int AssessmentId { get; set; }

    public required string ChangedByUserId { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>Which part changed, in words: "Evidence", "Judgement", "Stage", "Moderation note".</summary>
    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}
