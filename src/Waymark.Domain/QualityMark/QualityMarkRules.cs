using Waymark.Domain.People;

namespace Waymark.Domain.QualityMark;

/// <summary>A school's own view of how far it has got with a standard. The seed names no scale; this is the LA's working one.</summary>
public enum Judgement
{
    NotStarted,
    Developing,
    Secure,
    Exceeding,
}

/// <summary>Where a school's self-assessment of one standard has got to.</summary>
public enum AssessmentStage
{
    /// <summary>Being written by the school; not yet sent to its peer moderator.</summary>
    InProgress,

    /// <summary>Sent for peer moderation; the school can no longer change it.</summary>
    Submitted,

    /// <summary>The peer school agreed with the judgement: the standard is completed.</summary>
    Agreed,

    /// <summary>The peer school did not agree: back with the school to change and submit again.</summary>
    NotAgreed,
}

/// <summary>How a school stands against the LA's milestones on a day.</summary>
public enum MilestoneStatus
{
    OnTrack,
    Behind,
    Complete,
}

/// <summary>A milestone: the standards (by id) every school should have completed by the end of <see cref="DueOn"/>.</summary>
public sealed record Milestone(DateOnly DueOn, IReadOnlySet<int> StandardIds);

/// <summary>
/// The PIE Quality Mark's rules (docs/quality-mark.md): a self-assessment by the school, peer-moderated by another school the
/// LA assigns; a standard is completed when the moderator agrees; the LA's milestones say which standards are due when.
/// </summary>
public static class QualityMarkRules
{
    public const int MaxEvidenceLength = 8000;
    public const int MaxNoteLength = 2000;

    public static string DisplayName(Judgement judgement) => judgement switch
    {
        Judgement.NotStarted => "Not started",
        Judgement.Developing => "Developing",
        Judgement.Secure => "Secure",
        Judgement.Exceeding => "Exceeding",
        _ => throw new ArgumentOutOfRangeException(nameof(judgement), judgement, "Unknown judgement."),
    };

    public static string DisplayName(AssessmentStage? stage) => stage switch
    {
        null => "Not started",
        AssessmentStage.InProgress => "In progress",
        AssessmentStage.Submitted => "Awaiting moderation",
        AssessmentStage.Agreed => "Completed",
        AssessmentStage.NotAgreed => "Not agreed: returned",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    public static string DisplayName(MilestoneStatus status) => status switch
    {
        MilestoneStatus.OnTrack => "On track",
        MilestoneStatus.Behind => "Behind",
        MilestoneStatus.Complete => "Complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>A standard is completed only when its peer moderator has agreed the school's self-assessment.</summary>
    public static bool IsCompleted(AssessmentStage? stage) => stage == AssessmentStage.Agreed;

    /// <summary>The school may change its self-assessment until it is submitted, and again when the moderator did not agree.</summary>
    public static bool SchoolMayEdit(AssessmentStage? stage) => stage is null or AssessmentStage.InProgress or AssessmentStage.NotAgreed;

    /// <summary>Only a submitted self-assessment is moderated, once.</summary>
    public static bool MayModerate(AssessmentStage? stage) => stage == AssessmentStage.Submitted;

    /// <summary>
    /// Why a self-assessment cannot be submitted yet, or null: the moderator needs evidence to read and a judgement
    /// other than "Not started" to agree with.
    /// </summary>
    public static string? SubmitProblem(string? evidence, Judgement? judgement) =>
        string.IsNullOrWhiteSpace(evidence) ? "Enter the evidence before submitting it for moderation"
        : judgement is null or Judgement.NotStarted ? "Select a judgement other than not started before submitting it for moderation"
        : null;

    /// <summary>LA administrators and officers run the quality mark: standards, milestones and peer moderators.</summary>
    public static bool MayManage(Role role) => role is Role.LaAdmin or Role.LaOfficer;

    /// <summary>Every LA-wide role sees every school's progress (no child is involved).</summary>
    public static bool SeesEverySchool(Role role) => Roles.ScopeOf(role) == DataScope.LocalAuthority;

    /// <summary>Any member of a school's staff sees its own self-assessment and the one it moderates.</summary>
    public static bool SeesOwnSchool(Role role) => Roles.ScopeOf(role) == DataScope.School;

    /// <summary>The school's leaders write and submit its self-assessment, and moderate the school they are peer to.</summary>
    public static bool MayAssess(Role role) => role is Role.Headteacher or Role.Senco;

    /// <summary>
    /// How a school stands on <paramref name="day"/>: complete when every current standard is completed; behind when a
    /// milestone's date has passed (it is met by the end of its day) with one of its current standards not completed;
    /// otherwise on track. Retired standards count for nothing.
    /// </summary>
    public static MilestoneStatus StatusOn(IEnumerable<Milestone> milestones, IReadOnlySet<int> currentStandardIds,
        IReadOnlySet<int> completedStandardIds, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(currentStandardIds);
        ArgumentNullException.ThrowIfNull(completedStandardIds);
        if (currentStandardIds.Count > 0 && currentStandardIds.All(completedStandardIds.Contains))
        {
            return MilestoneStatus.Complete;
        }

        return milestones.Any(m => m.DueOn < day && Outstanding(m, currentStandardIds, completedStandardIds).Any())
            ? MilestoneStatus.Behind
            : MilestoneStatus.OnTrack;
    }

    /// <summary>The earliest milestone the school has not yet met (past or future), or null when it has met them all.</summary>
    public static Milestone? NextUnmet(IEnumerable<Milestone> milestones, IReadOnlySet<int> currentStandardIds, IReadOnlySet<int> completedStandardIds)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        return milestones.OrderBy(m => m.DueOn).FirstOrDefault(m => Outstanding(m, currentStandardIds, completedStandardIds).Any());
    }

    /// <summary>The milestone's current standards not yet completed.</summary>
    public static IEnumerable<int> Outstanding(Milestone milestone, IReadOnlySet<int> currentStandardIds, IReadOnlySet<int> completedStandardIds)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.StandardIds.Where(id => currentStandardIds.Contains(id) && !completedStandardIds.Contains(id));
    }
}
