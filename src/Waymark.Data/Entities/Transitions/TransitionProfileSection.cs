using Waymark.Domain.Transitions;

namespace Waymark.Data.Entities;

/// <summary>One section of a child's Transition Planning Profile, with its answers keyed by question.</summary>
public class TransitionProfileSection
{
    public int Id { get; set; }

    public Guid TransitionId { get; set; }

    public Transition? Transition { get; set; }

    public ProfileSection Section { get; set; }

    public SharingLevel Sharing { get; set; }

    public SectionStatus Status { get; set; }

    /// <summary>Answers by <see cref="ProfileField.Key"/>.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>Raised on every save; a save based on an older version is refused, so nobody overwrites anybody.</summary>
    public int Version { get; set; }

    public string? UpdatedByUserId { get; set; }

    public WaymarkUser? UpdatedBy { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public string? Answer(string key) => Answers.TryGetValue(key, out var value) ? value : null;
}

/// <summary>One changed answer, sharing level or status of a profile section: who, when, from what, to what.</summary>
public class ProfileSectionChange
{
    public long Id { get; set; }

    public Guid TransitionId { get; set; }

    public ProfileSection Section { get; set; }

    /// <summary>Whether the section was restricted at the time, so the history hides it from those who may not see it.</summary>
    public SharingLevel SharingAtChange { get; set; }

    public required string What { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public required string ChangedByUserId { get; set; }

    public WaymarkUser? ChangedBy { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>An action of the transition support plan.</summary>
public class SupportPlanAction
{
    public int Id { get; set; }

    public Guid TransitionId { get; set; }

    public required string Action { get; set; }

    public required string Owner { get; set; }

    public DateOnly ByWhen { get; set; }

    public DateOnly? DoneOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
