using Waymark.Domain.Attendance;

namespace Waymark.Domain.CommonTransfer;

/// <summary>A year of register marks as a CTF writes them: the first day, then two characters a day, morning then afternoon.</summary>
public sealed record CtfMarks(DateOnly StartDate, DateOnly EndDate, string Marks);

/// <summary>
/// Register marks in the CTF's AttendanceMarks form (standards §1.4). Waymark keeps no calendar of each school's
/// term dates: a school's sessions are the ones its register marked, so a session with no mark (a weekend, a
/// holiday, a day before the pupil joined) is written as not in session, '#'.
/// </summary>
public static class CtfAttendanceMarks
{
    public const char NotInSession = '#';

    /// <summary>
    /// One character for a session. Present is '/' in the morning and '\' in the afternoon. The codes the 2024
    /// regulations made two characters long (C1, C2, J1, Y1 to Y7) are written as their first letter, the code they
    /// were divided from, because a session has one character in AttendanceMarks; the session totals beside the marks
    /// still count them by their 2024 meaning.
    /// </summary>
    public static char For(AttendanceCode code, Session session)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Value == AttendanceCodes.PresentValue
            ? session == Session.AM ? '/' : '\\'
            : code.Code[0];
    }

    /// <summary>From the first marked day to the last; null for a year with no marks at all.</summary>
    public static CtfMarks? From(YearMarks year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var bytes = year.Bytes;
        var first = bytes.AsSpan().IndexOfAnyExcept(AttendanceCodes.NoMark);
        if (first < 0)
        {
            return null;
        }

        var last = bytes.AsSpan().LastIndexOfAnyExcept(AttendanceCodes.NoMark);
        var start = first - (first % 2);
        var end = last - (last % 2) + 2;
        var marks = new char[end - start];
        for (var i = start; i < end; i++)
        {
            marks[i - start] = AttendanceCodes.FromValue(bytes[i]) is { } code ? For(code, (Session)(i % 2)) : NotInSession;
        }

        return new CtfMarks(YearMarks.DateAt(year.Year, start), YearMarks.DateAt(year.Year, end - 1), new string(marks));
    }
}
