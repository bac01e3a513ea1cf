using System.Text;
using Waymark.Domain.Attendance;

namespace Waymark.Domain.CommonTransfer;

/// <summary>A year of register marks as a CTF writes them: the first and last day, and the marks string between.</summary>
public sealed record CtfMarksString(DateOnly StartDate, DateOnly EndDate, string Marks);

/// <summary>
/// Register marks in the CTF's AttendanceMarks form (standards §1.4): two sessions a calendar day, morning then
/// afternoon. Written so that <see cref="CtfMarksReader"/> reads back exactly the marks Waymark holds.
/// </summary>
public static class CtfAttendanceMarks
{
    public const char NotInSession = '#';

    /// <summary>
    /// One session. Present is '/' in the morning and '\' in the afternoon. The codes the 2024 regulations made two
    /// characters long (C1, C2, J1, Y1 to Y7) keep both characters: their first letter alone is a different code
    /// (J and Y were withdrawn in 2024), and no one-character code is a digit, so a reader keeps the days aligned.
    /// </summary>
    public static string For(AttendanceCode code, Session session)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Value == AttendanceCodes.PresentValue
            ? session == Session.AM ? "/" : "\\"
            : code.Code;
    }

    /// <summary>
    /// A session Waymark has no mark for. Waymark keeps no calendar of term dates, so it cannot say a weekday was
    /// not in session: a weekday is '-' (no mark), and only a Saturday or Sunday is '#', which readers skip.
    /// </summary>
    public static char Unmarked(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? NotInSession : CtfMarksReader.NoMark;

    /// <summary>From the first marked day to the last; null for a year with no marks at all.</summary>
    public static CtfMarksString? From(YearMarks year)
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
        var marks = new StringBuilder(end - start + 8);
        for (var i = start; i < end; i++)
        {
            if (AttendanceCodes.FromValue(bytes[i]) is { } code)
            {
                marks.Append(For(code, (Session)(i % 2)));
            }
            else
            {
                marks.Append(Unmarked(YearMarks.DateAt(year.Year, i)));
            }
        }

        return new CtfMarksString(YearMarks.DateAt(year.Year, start), YearMarks.DateAt(year.Year, end - 1), marks.ToString());
    }
}
