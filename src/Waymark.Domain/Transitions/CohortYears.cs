using Waymark.Domain.Calendar;

namespace Waymark.Domain.Transitions;

/// <summary>
/// A transition is named by the academic year in which the child is in Year 6; the move to
/// secondary school happens at the start of the next academic year.
/// </summary>
public static class CohortYears
{
    /// <summary>The Year 6 academic year of a child who is in <paramref name="year"/> during <paramref name="current"/>.</summary>
    public static AcademicYear Year6For(NcYear year, AcademicYear current) => new(current.StartYear + (6 - year.Value));

    /// <summary>1 September after Year 6: the day the child becomes a Year 7 pupil.</summary>
    public static DateOnly MoveDate(AcademicYear year6) => new(year6.StartYear + 1, 9, 1);

    /// <summary>"Moving to secondary in September 2027".</summary>
    public static string Describe(AcademicYear year6) => $"Year 6 in {year6}, moving to secondary school in September {year6.StartYear + 1}";
}
