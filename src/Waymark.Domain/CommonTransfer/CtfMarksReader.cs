using System.Globalization;

using Waymark.Domain.Attendance;

namespace Waymark.Domain.CommonTransfer;

/// <summary>One session read from a CTF <c>AttendanceMarks</c> string: its date and half, the mark as written, and where it was.</summary>
/// <param name="Position">1-based character position of the mark in the string, for messages.</param>
public readonly record struct CtfSession(DateOnly Date, Session Session, string Mark, int Position);

/// <summary>What a CTF <c>AttendanceMarks</c> string holds: its marked sessions, and the last day it covers (null when empty).</summary>
public sealed record CtfMarks(IReadOnlyList<CtfSession> Sessions, DateOnly? LastDay);

/// <summary>
/// Reads a CTF <c>AttendanceMarks</c> string (standards §1.4): the register marks of consecutive calendar days from
/// <c>AttendanceStartDate</c>, two sessions a day, morning then afternoon.
/// </summary>
/// <remarks>
/// <para>A session is one character: a statutory single-character code, <c>/</c> or <c>\</c> for present, <c>#</c> for
/// not in session.</para>
/// <para>The 2024 codes C1, C2, J1 and Y1 to Y7 have two characters. No single-character code is a digit, so a letter
/// followed by a digit is read as one two-character session and the days stay aligned. Which of the two forms a MIS
/// writes could not be checked against the CTF 24/25 specification, so both are accepted. A lone C is
/// "exceptional circumstances", not C1 or C2. A lone J or Y is the code withdrawn in August 2024 and is refused for a
/// later date by the code rules, never guessed at.</para>
/// <para><c>-</c> is a session with no mark: nothing is stored for it. A <c>#</c> on a Saturday or Sunday is how a MIS
/// pads the days a school never opens. It is not a register mark and is skipped, so weekends stay empty as they do
/// after a CSV import. A <c>#</c> on a weekday is a planned closure and is kept.</para>
/// <para>Spaces, line breaks or any other whitespace inside the string are refused, not ignored: a space could stand
/// for a missing mark, and dropping it would move every later mark onto the wrong day.</para>
/// </remarks>
public static class CtfMarksReader
{
    /// <summary>Stands for a session with no mark.</summary>
    public const char NoMark = '-';

    public const char NotInSession = '#';

    /// <summary>The most sessions one string may hold: two a day for a leap year.</summary>
    public const int MaxSessions = 366 * 2;

    /// <summary>
    /// The sessions of <paramref name="marks"/> from <paramref name="start"/>, leaving out the no-mark sessions and weekend
    /// padding. Returns null with <paramref name="problem"/> set when the string cannot be read.
    /// </summary>
    public static CtfMarks? Read(DateOnly start, string marks, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(marks);
        problem = null;
        var text = marks.Trim();
        var sessions = new List<CtfSession>(Math.Min(text.Length, MaxSessions));
        var index = 0;
        var slot = 0;
        while (index < text.Length)
        {
            var c = text[index];
            var position = index + 1;
            if (slot >= MaxSessions)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"the marks run past {MaxSessions} sessions (a year); each YearData holds one academic year");
                return null;
            }

            string mark;
            if (char.IsWhiteSpace(c))
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"character {position} is a space or line break, which is not a mark (write {NoMark} for a session with no mark)");
                return null;
            }

            if (char.IsAsciiDigit(c))
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"character {position} is the digit '{c}' without a letter before it; two-character codes are a letter and a digit, such as C1 or Y2");
                return null;
            }

            if (char.IsAsciiLetter(c) && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]))
            {
                mark = text.Substring(index, 2);
                index += 2;
            }
            else
            {
                mark = c.ToString();
                index++;
            }

            var date = start.AddDays(slot / 2);
            var session = (Session)(slot % 2);
            slot++;
            if (c == NoMark || (c == NotInSession && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                continue;
            }

            sessions.Add(new CtfSession(date, session, mark, position));
        }

        return new CtfMarks(sessions, slot == 0 ? null : start.AddDays((slot - 1) / 2));
    }
}

/// <summary>One of a CTF YearData's session totals that does not match the marks.</summary>
public sealed record CtfTotalMismatch(string Element, int Stated, int FromMarks)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Element} is {Stated} but the marks give {FromMarks}");
}

/// <summary>
/// Checks the totals a CTF YearData states against the marks, using the same arithmetic as Waymark's statistics
/// (<see cref="SessionCounts"/>): possible sessions are present, approved educational activity, authorised and
/// unauthorised absence; attended is present plus approved educational activity.
/// </summary>
public static class CtfAttendanceTotals
{
    public const string Possible = "SessionsPossible";
    public const string Attended = "SessionsAttended";
    public const string Authorised = "SessionsAuthorised";
    public const string Unauthorised = "SessionsUnauthorised";

    /// <summary>Each stated total that differs from the marks; a total not given is not checked.</summary>
    public static IReadOnlyList<CtfTotalMismatch> Compare(SessionCounts fromMarks, int? possible, int? attended, int? authorised, int? unauthorised)
    {
        var mismatches = new List<CtfTotalMismatch>();
        void Check(string element, int? stated, int actual)
        {
            if (stated is { } value && value != actual)
            {
                mismatches.Add(new CtfTotalMismatch(element, value, actual));
            }
        }

        Check(Possible, possible, fromMarks.Possible);
        Check(Attended, attended, fromMarks.Attended);
        Check(Authorised, authorised, fromMarks.Authorised);
        Check(Unauthorised, unauthorised, fromMarks.Unauthorised);
        return mismatches;
    }
}
