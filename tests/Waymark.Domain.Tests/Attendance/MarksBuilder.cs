using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

/// <summary>Hand-built registers: a code on both sessions of every weekday in a range, or on single sessions.</summary>
internal sealed class MarksBuilder(AcademicYear year)
{
    public YearMarks Marks { get; } = new(year);

    /// <summary>Both sessions of every Monday-to-Friday from <paramref name="from"/>, for <paramref name="weekdays"/> weekdays.</summary>
    public MarksBuilder Days(DateOnly from, int weekdays, string code)
    {
        var date = from;
        for (var done = 0; done < weekdays; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            Marks.Set(date, Session.AM, AttendanceCodes.Get(code));
            Marks.Set(date, Session.PM, AttendanceCodes.Get(code));
            done++;
        }

        return this;
    }

    public MarksBuilder Mark(DateOnly date, Session session, string code)
    {
        Marks.Set(date, session, AttendanceCodes.Get(code));
        return this;
    }

    public static DateOnly WeekdaysAfter(DateOnly from, int weekdays)
    {
        var date = from;
        while (weekdays > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays--;
            }
        }

        return date;
    }
}
