using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance.Alerts;

/// <summary>
/// The days a school took a register in one academic year: any day on which at least one of its pupils
/// has a mark other than a planned closure (#). "Five school days" and "ten school weeks" are counted in
/// these, not in the pupil's own marks, so a pupil with no mark on a day the school was open (not yet on
/// roll, or a register not yet entered) does not stretch the time a school has to act.
/// </summary>
public sealed class RegisterDays
{
    private static readonly byte Closure = AttendanceCodes.Get("#").Value;

    private readonly bool[] days = new bool[YearMarks.Days];

    public RegisterDays(AcademicYear year) => Year = year;

    public AcademicYear Year { get; }

    /// <summary>The register days of one pupil's marks alone.</summary>
    public static RegisterDays Of(YearMarks marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var days = new RegisterDays(marks.Year);
        days.Add(marks);
        return days;
    }

    /// <summary>The register days of a school, from all its pupils' marks for the year.</summary>
    public static RegisterDays Of(AcademicYear year, IEnumerable<YearMarks> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var days = new RegisterDays(year);
        foreach (var marks in pupils)
        {
            days.Add(marks);
        }

        return days;
    }

    public void Add(YearMarks marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Year != Year)
        {
            throw new ArgumentException($"The marks are for {marks.Year}, not {Year}.", nameof(marks));
        }

        Add(marks.Bytes);
    }

    /// <summary>Adds a pupil's stored bytes (<see cref="YearMarks.Length"/> of them) for this year.</summary>
    public void Add(ReadOnlySpan<byte> marks)
    {
        if (marks.Length != YearMarks.Length)
        {
            throw new ArgumentException($"A year of marks is {YearMarks.Length} bytes, not {marks.Length}.", nameof(marks));
        }

        for (var day = 0; day < YearMarks.Days; day++)
        {
            if (!days[day] && (IsRegisterMark(marks[day * 2]) || IsRegisterMark(marks[(day * 2) + 1])))
            {
                days[day] = true;
            }
        }
    }

    public bool Contains(DateOnly date) => Year.Contains(date) && days[date.DayNumber - Year.Start.DayNumber];

    /// <summary>By day of the year (0 is 1 September).</summary>
    internal bool this[int day] => days[day];

    internal static bool IsRegisterMark(byte value) => value != AttendanceCodes.NoMark && value != Closure;
}
