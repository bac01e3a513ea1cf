using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance;

/// <summary>
/// What "this term" and "this year" mean on the attendance pages for a chosen academic year: up to today in
/// the current year; for a past year, the whole year and its last (summer) term.
/// </summary>
public readonly record struct ReportingPeriod(AcademicYear Year, Term Term, DateOnly AsOf)
{
    public static ReportingPeriod For(AcademicYear year, DateOnly today)
    {
        if (today < year.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The academic year {year} has not started on {today:d MMMM yyyy}.");
        }

        var asOf = today > year.End ? year.End : today;
        return new ReportingPeriod(year, SchoolTerms.Containing(asOf), asOf);
    }

    public bool IsWholeYear => AsOf == Year.End;

    /// <summary>The Mondays of the weeks from the one holding 1 September up to the one holding <see cref="AsOf"/>.</summary>
    public IEnumerable<DateOnly> WeekStarts()
    {
        for (var monday = MondayOf(Year.Start); monday <= AsOf; monday = monday.AddDays(7))
        {
            yield return monday;
        }
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
