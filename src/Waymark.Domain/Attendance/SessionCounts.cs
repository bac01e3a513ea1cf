namespace Waymark.Domain.Attendance;

/// <summary>
/// Sessions by DfE category for one pupil (or a sum over many) and the rates DfE publishes from them
/// (standards §2.2). Possible sessions leave out the not-counted codes.
/// </summary>
public readonly record struct SessionCounts(int Present, int ApprovedEducationalActivity, int Authorised, int Unauthorised, int NotCounted)
{
    public int Possible => Present + ApprovedEducationalActivity + Authorised + Unauthorised;

    public int Attended => Present + ApprovedEducationalActivity;

    public int Absent => Authorised + Unauthorised;

    /// <summary>Attendance as a percentage of possible sessions, rounded half away from zero to 2 places; null with no possible sessions.</summary>
    public decimal? AttendanceRate => Rates.Percent(Attended, Possible);

    public decimal? OverallAbsenceRate => Rates.Percent(Absent, Possible);

    public decimal? AuthorisedAbsenceRate => Rates.Percent(Authorised, Possible);

    public decimal? UnauthorisedAbsenceRate => Rates.Percent(Unauthorised, Possible);

    /// <summary>DfE's exact method: absent for 10% or more of the pupil's own possible sessions.</summary>
    public bool IsPersistentlyAbsent => Possible > 0 && Absent * 10L >= Possible;

    /// <summary>Absent for 50% or more of the pupil's own possible sessions.</summary>
    public bool IsSeverelyAbsent => Possible > 0 && Absent * 2L >= Possible;

    public static SessionCounts operator +(SessionCounts a, SessionCounts b) => new(
        a.Present + b.Present,
        a.ApprovedEducationalActivity + b.ApprovedEducationalActivity,
        a.Authorised + b.Authorised,
        a.Unauthorised + b.Unauthorised,
        a.NotCounted + b.NotCounted);

    public SessionCounts With(AttendanceCategory category) => category switch
    {
        AttendanceCategory.Present => this with { Present = Present + 1 },
        AttendanceCategory.ApprovedEducationalActivity => this with { ApprovedEducationalActivity = ApprovedEducationalActivity + 1 },
        AttendanceCategory.AuthorisedAbsence => this with { Authorised = Authorised + 1 },
        AttendanceCategory.UnauthorisedAbsence => this with { Unauthorised = Unauthorised + 1 },
        _ => this with { NotCounted = NotCounted + 1 },
    };
}

public static class Rates
{
    /// <summary>
    /// <paramref name="part"/> as a percentage of <paramref name="whole"/>, rounded half away from zero to
    /// two decimal places as DfE publishes; null when <paramref name="whole"/> is zero. Decimal arithmetic,
    /// multiplying first, so a true midpoint such as 12.345 is never nudged by binary floating point.
    /// </summary>
    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
