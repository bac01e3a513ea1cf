namespace Waymark.Domain.Calendar;

public static class NationalCurriculumYear
{
    /// <summary>
    /// The normal NC year for a child's age on the 31 August just before the academic year starts
    /// (age 0 → E1, 4 → Reception, 5 → Year 1, 18 → Year 14). Null when the child is outside that range,
    /// including not yet born on that 31 August.
    /// </summary>
    public static NcYear? Derive(DateOnly dateOfBirth, AcademicYear year)
    {
        var cutOff = year.Start.AddDays(-1);
        if (dateOfBirth > cutOff)
        {
            return null;
        }

        var value = Age.On(dateOfBirth, cutOff) - 4;
        return value is >= NcYear.MinValue and <= NcYear.MaxValue ? new NcYear(value) : null;
    }

    /// <summary>
    /// The year group a child is taught in: the chronological year moved by <paramref name="offset"/>
    /// (−1 for a child held back a year, +1 for one taught a year ahead). An offset rather than a fixed
    /// year, so the child still moves up every September.
    /// </summary>
    public static NcYear? ForChild(DateOnly dateOfBirth, AcademicYear year, int offset)
    {
        if (Derive(dateOfBirth, year) is not NcYear chronological)
        {
            return null;
        }

        var value = chronological.Value + offset;
        return value is >= NcYear.MinValue and <= NcYear.MaxValue ? new NcYear(value) : null;
    }
}
