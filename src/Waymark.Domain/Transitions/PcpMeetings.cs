namespace Waymark.Domain.Transitions;

/// <summary>Who a person-centred planning meeting invites, by the part they play for the child.</summary>
public enum MeetingRole
{
    ParentCarer,
    Pupil,
    SocialWorker,
    PrimaryStaff,
    SecondaryStaff,
    Other,
}

/// <summary>What an invitee did. The pilot found attendance at these meetings was the weak point, so it is recorded for everyone.</summary>
public enum MeetingAttendance
{
    NotRecorded,
    Attended,
    SentDelegate,
    SentWrittenUpdate,
    DidNotAttend,
}

public enum MeetingStatus
{
    Planned,
    Held,
    Cancelled,
}

public sealed record RoleAttendance(MeetingRole Role, int Invited, int Attended, int SentDelegate, int SentWrittenUpdate, int DidNotAttend)
{
    /// <summary>Invitees whose attendance has been recorded; the base of the rates.</summary>
    public int Recorded => Attended + SentDelegate + SentWrittenUpdate + DidNotAttend;

    /// <summary>Attended in person, as a whole-number percentage of those recorded; null when none were recorded.</summary>
    public int? AttendedPercent => Recorded == 0 ? null : (int)Math.Round(100.0 * Attended / Recorded, MidpointRounding.AwayFromZero);

    /// <summary>Attended, sent a delegate or a written update: the child's meeting heard from them.</summary>
    public int? ContributedPercent => Recorded == 0 ? null
        : (int)Math.Round(100.0 * (Attended + SentDelegate + SentWrittenUpdate) / Recorded, MidpointRounding.AwayFromZero);
}

public static class PcpMeetings
{
    /// <summary>The programme offers each child up to three meetings.</summary>
    public const int MaxPerChild = 3;

    /// <summary>
    /// Null when another meeting may be arranged, otherwise the reason it may not. Cancelled
    /// meetings do not count: a meeting that never happened was not one of the three.
    /// </summary>
    public static string? WhyNoMoreMeetings(int meetingsNotCancelled) =>
        meetingsNotCancelled >= MaxPerChild
            ? $"This child has already had {MaxPerChild} person-centred planning meetings arranged, which is the most the programme offers. Cancel a planned meeting before arranging another."
            : null;

    public static string DisplayName(MeetingRole role) => role switch
    {
        MeetingRole.ParentCarer => "Parent or carer",
        MeetingRole.Pupil => "Pupil",
        MeetingRole.SocialWorker => "Social worker",
        MeetingRole.PrimaryStaff => "Primary school staff",
        MeetingRole.SecondaryStaff => "Secondary school staff",
        MeetingRole.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown meeting role."),
    };

    public static string DisplayName(MeetingAttendance attendance) => attendance switch
    {
        MeetingAttendance.NotRecorded => "Not recorded",
        MeetingAttendance.Attended => "Attended",
        MeetingAttendance.SentDelegate => "Sent a delegate",
        MeetingAttendance.SentWrittenUpdate => "Sent a written update",
        MeetingAttendance.DidNotAttend => "Did not attend",
        _ => throw new ArgumentOutOfRangeException(nameof(attendance), attendance, "Unknown attendance."),
    };

    public static string DisplayName(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.Held => "Held",
        MeetingStatus.Cancelled => "Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown meeting status."),
    };

    /// <summary>Attendance by role across held meetings, every role listed even when nobody of it was invited.</summary>
    public static IReadOnlyList<RoleAttendance> AttendanceByRole(IEnumerable<(MeetingRole Role, MeetingAttendance Attendance)> invitees)
    {
        ArgumentNullException.ThrowIfNull(invitees);
        var byRole = invitees.ToLookup(i => i.Role, i => i.Attendance);
        return Enum.GetValues<MeetingRole>().Select(role =>
        {
            var marks = byRole[role].ToList();
            return new RoleAttendance(role, marks.Count,
                marks.Count(a => a == MeetingAttendance.Attended),
                marks.Count(a => a == MeetingAttendance.SentDelegate),
                marks.Count(a => a == MeetingAttendance.SentWrittenUpdate),
                marks.Count(a => a == MeetingAttendance.DidNotAttend));
        }).ToList();
    }
}
