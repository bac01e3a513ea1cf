using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance;

/// <summary>
/// Which enrolments DfE's school and LA absence statistics count (standards §2.2): pupils of compulsory
/// school age, that is aged 5 to 15 on the 31 August before the academic year starts, with at least one
/// possible session. Pupil-level figures are given for everyone.
/// </summary>
public static class StatisticsCohort
{
    public const int YoungestAge = 5;

    public const int OldestAge = 15;

    public static DateOnly AgeDate(AcademicYear year) => year.Start.AddDays(-1);

    public static bool IsOfCompulsorySchoolAge(DateOnly dateOfBirth, AcademicYear year)
    {
        var on = AgeDate(year);
        if (dateOfBirth > on)
        {
            return false;
        }

        var age = Age.On(dateOfBirth, on);
        return age is >= YoungestAge and <= OldestAge;
    }

    /// <summary>
    /// The dates of birth of compulsory school age in <paramref name="year"/>, as a range a database can filter on:
    /// 5 or more on the age date is born on or before it five years earlier; 15 or less is born after it sixteen
    /// years earlier. (The age date is 31 August, so 29 February never moves a boundary.)
    /// </summary>
    public static (DateOnly Earliest, DateOnly Latest) BornBetween(AcademicYear year)
    {
        var on = AgeDate(year);
        return (on.AddYears(-(OldestAge + 1)).AddDays(1), on.AddYears(-YoungestAge));
    }

    public static bool Counts(DateOnly dateOfBirth, AcademicYear year, SessionCounts sessions) =>
        sessions.Possible > 0 && IsOfCompulsorySchoolAge(dateOfBirth, year);
}
