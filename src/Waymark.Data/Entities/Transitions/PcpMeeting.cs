using Waymark.Domain.Transitions;

namespace Waymark.Data.Entities;

/// <summary>A person-centred planning meeting: who was invited, who came, what was said and agreed.</summary>
public class PcpMeeting
{
    public int Id { get; set; }

    public Guid TransitionId { get; set; }

    public Transition? Transition { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly StartTime { get; set; }

    public required string Venue { get; set; }

    public MeetingStatus Status { get; set; }

    public string? WhatsWorking { get; set; }

    public string? WhatsNotWorking { get; set; }

    public string? ImportantToChild { get; set; }

    public string? ImportantForChild { get; set; }

    public string? QuestionsToAnswer { get; set; }

    public string? CancelledReason { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? RecordedByUserId { get; set; }

    public DateTime? RecordedAtUtc { get; set; }

    public List<PcpInvitee> Invitees { get; set; } = [];

    public List<PcpAction> Actions { get; set; } = [];
}

public class PcpInvitee
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public MeetingRole Role { get; set; }

    public required string Name { get; set; }

    public MeetingAttendance Attendance { get; set; }

    /// <summary>Who came in their place, when they sent a delegate.</summary>
    public string? DelegateName { get; set; }
}

public class PcpAction
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public PcpMeeting? Meeting { get; set; }

    public required string What { get; set; }

    public required string Who { get; set; }

    public DateOnly ByWhen { get; set; }

    public DateOnly? DoneOn { get; set; }
}
