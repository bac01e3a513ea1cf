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

    /// <summary>Counts and weeks worked out once per school and shared by all its pupils; reset by <see cref="Add(ReadOnlySpan{byte})"/>.</summary>
    private Layout? layout;

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

        layout = null;
        for (var day = 0; day < YearMarks.Days; day++)
        {
            if (!days[day] && (IsRegisterMark(marks[day * 2]) || IsRegisterMark(marks[(day * 2) + 1])))
            {
                days[day] = true;
            }
        }
    }

    /// <summary>Register days on or before each day of the year, so "school days since" is one subtraction.</summary>
    internal int[] DaysUpTo => Prepared().DaysUpTo;

    /// <summary>For each day, the index of its school week (a Monday-to-Sunday week with a register day), or −1 on a non-register day.</summary>
    internal int[] WeekOf => Prepared().WeekOf;

    /// <summary>The Monday of each school week, as a day of the year (negative for the week 1 September falls in, unless a Monday).</summary>
    internal int[] WeekMondays => Prepared().WeekMondays;

    private Layout Prepared()
    {
        // Computing it twice in a race is harmless: both threads get the same figures.
        if (layout is { } ready)
        {
            return ready;
        }

        var upTo = new int[YearMarks.Days];
        var weekOf = new int[YearMarks.Days];
        var mondays = new List<int>(54);
        var start = Year.Start.DayNumber;
        var count = 0;
        var currentWeek = int.MinValue;
        for (var day = 0; day < YearMarks.Days; day++)
        {
            weekOf[day] = -1;
            if (days[day])
            {
                count++;

                // DayNumber 0 (1 January 0001) was a Monday.
                var week = (start + day) / 7;
                if (week != currentWeek)
                {
                    currentWeek = week;
                    mondays.Add((week * 7) - start);
                }

                weekOf[day] = mondays.Count - 1;
            }

            upTo[day] = count;
        }

        return layout = new Layout(upTo, weekOf, [.. mondays]);
    }

    private sealed record Layout(int[] DaysUpTo, int[] WeekOf, int[] WeekMondays);

    public bool Contains(DateOnly date) => Year.Contains(date) && days[date.DayNumber - Year.Start.DayNumber];

    /// <summary>By day of the year (0 is 1 September).</summary>
    internal bool this[int day] => days[day];

    internal static bool IsRegisterMark(byte value) => value != AttendanceCodes.NoMark && value != Closure;
}
