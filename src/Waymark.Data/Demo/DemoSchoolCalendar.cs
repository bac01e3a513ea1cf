using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Demo;

/// <summary>
/// Term dates for the fictional LA, built the way English councils usually set them: the autumn term
/// from the first Wednesday of September, a week off at each half term, two weeks at Christmas and
/// Easter, the spring bank holiday week, and the year ending around 22 July. About 190 school days.
/// </summary>
public sealed class DemoSchoolCalendar
{
    private readonly HashSet<DateOnly> schoolDays;

    public DemoSchoolCalendar(AcademicYear year)
    {
        Year = year;
        var start = FirstWeekday(new DateOnly(year.StartYear, 9, 1), DayOfWeek.Wednesday);
        var end = LastWeekday(new DateOnly(year.StartYear + 1, 7, 22), DayOfWeek.Wednesday);
        var easter = SchoolTerms.EasterSunday(year.StartYear + 1);
        var holidays = new List<(DateOnly From, DateOnly To)>
        {
            Week(LastWeekday(new DateOnly(year.StartYear, 10, 31), DayOfWeek.Monday)),
            (LastWeekday(new DateOnly(year.StartYear, 12, 24), DayOfWeek.Saturday), FirstWeekday(new DateOnly(year.StartYear + 1, 1, 2), DayOfWeek.Sunday)),
            Week(FirstWeekday(new DateOnly(year.StartYear + 1, 2, 12), DayOfWeek.Monday)),
            (easter.AddDays(-9), easter.AddDays(8)),
            Week(LastWeekday(new DateOnly(year.StartYear + 1, 5, 31), DayOfWeek.Monday)),
            // The early May bank holiday.
            (FirstWeekday(new DateOnly(year.StartYear + 1, 5, 1), DayOfWeek.Monday), FirstWeekday(new DateOnly(year.StartYear + 1, 5, 1), DayOfWeek.Monday)),
        };

        schoolDays = [];
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Any(h => day >= h.From && day <= h.To))
            {
                schoolDays.Add(day);
            }
        }

        Days = [.. schoolDays.Order()];

        // One planned closure (#) a year: the polling-station day in early May.
        ClosureDay = Days.First(d => d >= new DateOnly(year.StartYear + 1, 5, 1) && d.DayOfWeek == DayOfWeek.Thursday);
    }

    public AcademicYear Year { get; }

    /// <summary>Days the register is taken, in order (the closure day included, marked #).</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    public DateOnly ClosureDay { get; }

    public bool IsSchoolDay(DateOnly date) => schoolDays.Contains(date);

    private static (DateOnly, DateOnly) Week(DateOnly monday) => (monday, monday.AddDays(4));

    private static DateOnly FirstWeekday(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private static DateOnly LastWeekday(DateOnly onOrBefore, DayOfWeek day) => onOrBefore.AddDays(-(((int)onOrBefore.DayOfWeek - (int)day + 7) % 7));
}
