namespace Waymark.Domain.Attendance;

/// <summary>
/// One register mark. <see cref="Value"/> is how the mark is stored (one byte per session), so values
/// are fixed forever: new codes take new numbers, withdrawn ones keep theirs.
/// </summary>
public sealed record AttendanceCode(byte Value, string Code, string Meaning, AttendanceCategory Category, DateOnly? WithdrawnFrom = null)
{
    public bool IsPresent => Category == AttendanceCategory.Present;

    public bool CountsAsAttendance => Category is AttendanceCategory.Present or AttendanceCategory.ApprovedEducationalActivity;

    public bool IsAbsence => Category is AttendanceCategory.AuthorisedAbsence or AttendanceCategory.UnauthorisedAbsence;

    public bool IsPossible => Category != AttendanceCategory.NotCounted;

    /// <summary>Codes withdrawn in 2024 may only appear on registers from before they were withdrawn.</summary>
    public bool IsValidOn(DateOnly date) => WithdrawnFrom is null || date < WithdrawnFrom;

    /// <summary>The mark as a register shows it: present is "/" in the morning and "\" in the afternoon.</summary>
    public string ShownFor(Session session) => Value == AttendanceCodes.PresentValue
        ? session == Session.AM ? "/" : "\\"
        : Code;
}
