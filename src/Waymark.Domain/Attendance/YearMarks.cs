using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance;

/// <summary>
/// A pupil's register marks at one school for one academic year, as stored: one byte per session
/// (<see cref="AttendanceCode.Value"/>, 0 for no mark), two per calendar day from 1 September, 732 in all.
/// A year of marks is one small array rather than 380 database rows, which keeps an LA's 76 million marks
/// a year fast to load, change and count.
/// </summary>
public sealed class YearMarks
{
    public const int Days = 366;

    public const int Length = Days * 2;

    private static readonly (byte Value, AttendanceCategory Category)[] Categories =
        AttendanceCodes.All.Select(c => (c.Value, c.Category)).ToArray();

    private readonly byte[] marks;

    public YearMarks(AcademicYear year, byte[] marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Length != Length)
        {
            throw new ArgumentException($"A year of marks is {Length} bytes, not {marks.Length}.", nameof(marks));
        }

        Year = year;
        this.marks = marks;
    }

    public YearMarks(AcademicYear year)
        : this(year, new byte[Length])
    {
    }

    public AcademicYear Year { get; }

    /// <summary>The stored bytes (not a copy).</summary>
    public byte[] Bytes => marks;

    public static int IndexOf(AcademicYear year, DateOnly date, Session session)
    {
        if (!year.Contains(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date is not in the academic year {year}.");
        }

        return ((date.DayNumber - year.Start.DayNumber) * 2) + (int)session;
    }

    public static DateOnly DateAt(AcademicYear year, int index) => year.Start.AddDays(index / 2);

    public AttendanceCode? this[DateOnly date, Session session] => AttendanceCodes.FromValue(marks[IndexOf(Year, date, session)]);

    /// <summary>Sets a mark and returns the stored value it replaced (0 when there was none).</summary>
    public byte Set(DateOnly date, Session session, AttendanceCode? code)
    {
        var index = IndexOf(Year, date, session);
        var old = marks[index];
        marks[index] = code?.Value ?? AttendanceCodes.NoMark;
        return old;
    }

    public bool HasAnyMark => marks.AsSpan().ContainsAnyExcept(AttendanceCodes.NoMark);

    /// <summary>Sessions by category from <paramref name="from"/> to <paramref name="to"/> inclusive, clipped to the year.</summary>
    public SessionCounts Count(DateOnly from, DateOnly to)
    {
        var (start, end) = Clip(from, to);

        // A tally of stored values, then one lookup per code: statistics call this for every pupil in the LA,
        // and a branch-free tally is several times faster than classifying each session as it is read.
        Span<int> tally = stackalloc int[256];
        foreach (var value in marks.AsSpan(start, end - start))
        {
            tally[value]++;
        }

        int present = 0, aea = 0, authorised = 0, unauthorised = 0, notCounted = 0;
        foreach (var (value, category) in Categories)
        {
            var sessions = tally[value];
            switch (category)
            {
                case AttendanceCategory.Present: present += sessions; break;
                case AttendanceCategory.ApprovedEducationalActivity: aea += sessions; break;
                case AttendanceCategory.AuthorisedAbsence: authorised += sessions; break;
                case AttendanceCategory.UnauthorisedAbsence: unauthorised += sessions; break;
                default: notCounted += sessions; break;
            }
        }

        return new SessionCounts(present, aea, authorised, unauthorised, notCounted);
    }

    public SessionCounts CountAll() => Count(Year.Start, Year.End);

    /// <summary>Sessions marked with <paramref name="code"/> in the range.</summary>
    public int Count(AttendanceCode code, DateOnly from, DateOnly to)
    {
        var (start, end) = Clip(from, to);
        return start >= end ? 0 : marks.AsSpan(start, end - start).Count(code.Value);
    }

    /// <summary>Every marked session in the range, in order.</summary>
    public IEnumerable<(DateOnly Date, Session Session, AttendanceCode Code)> Marked(DateOnly from, DateOnly to)
    {
        var (start, end) = Clip(from, to);
        for (var i = start; i < end; i++)
        {
            if (AttendanceCodes.FromValue(marks[i]) is { } code)
            {
                yield return (DateAt(Year, i), (Session)(i % 2), code);
            }
        }
    }

    /// <summary>
    /// Days the pupil was expected in school: at least one session marked with a code other than
    /// a planned closure (#). Weekends, holidays and days before the pupil joined have no marks.
    /// </summary>
    public IEnumerable<DateOnly> SchoolDays(DateOnly from, DateOnly to)
    {
        var (start, end) = Clip(from, to);
        var closure = AttendanceCodes.Get("#").Value;
        for (var i = start - (start % 2); i < end; i += 2)
        {
            var am = marks[i];
            var pm = marks[i + 1];
            if ((am != AttendanceCodes.NoMark && am != closure) || (pm != AttendanceCodes.NoMark && pm != closure))
            {
                yield return DateAt(Year, i);
            }
        }
    }

    private (int Start, int End) Clip(DateOnly from, DateOnly to)
    {
        var first = from < Year.Start ? Year.Start : from;
        var last = to > Year.End ? Year.End : to;
        return first > last ? (0, 0) : (IndexOf(Year, first, Session.AM), IndexOf(Year, last, Session.PM) + 1);
    }
}
