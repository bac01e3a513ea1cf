using Waymark.Domain.Benchmarking;

namespace Waymark.Data.Entities;

/// <summary>
/// One row of DfE's published "Pupil attendance in schools" statistics: one time period, area and phase, with the
/// file's own figures (not recomputed). A null figure was not published (suppressed, "c", or otherwise marked), never zero.
/// Loaded by <c>waymark import dfe-attendance</c>; see docs/benchmarking.md.
/// </summary>
public class PublishedAttendance
{
    public int Id { get; set; }

    /// <summary>DfE's time period, e.g. 202526 for the academic year 2025/26.</summary>
    public int TimePeriod { get; set; }

    /// <summary>DfE's time identifier, e.g. "Academic year".</summary>
    public required string TimeIdentifier { get; set; }

    public GeographicLevel Level { get; set; }

    /// <summary>The area's ONS code: the country's (E92000001), the region's (E12...) or the LA's (E06/E08/E09/E10...).</summary>
    public required string AreaCode { get; set; }

    public required string AreaName { get; set; }

    /// <summary>The DfE 3-digit LA number, for local authority rows only.</summary>
    public int? LaNumber { get; set; }

    /// <summary>The region a local authority or regional row is in (null for national rows).</summary>
    public string? RegionCode { get; set; }

    public string? RegionName { get; set; }

    public PublishedPhase Phase { get; set; }

    /// <summary>Average over the weeks of the period, so not a whole number.</summary>
    public decimal? Schools { get; set; }

    /// <summary>Average over the weeks of the period, so not a whole number.</summary>
    public decimal? Enrolments { get; set; }

    public long? PossibleSessions { get; set; }

    public long? OverallAttendance { get; set; }

    public long? PresentSessions { get; set; }

    public long? ApprovedEducationalActivity { get; set; }

    public long? OverallAbsence { get; set; }

    public long? AuthorisedAbsence { get; set; }

    public long? UnauthorisedAbsence { get; set; }

    public decimal? AttendanceRate { get; set; }

    public decimal? OverallAbsenceRate { get; set; }

    public decimal? AuthorisedAbsenceRate { get; set; }

    public decimal? UnauthorisedAbsenceRate { get; set; }

    /// <summary>Percentage of enrolments missing 10% or more of their possible sessions.</summary>
    public decimal? PersistentAbsenceRate { get; set; }

    /// <summary>The file this row was last added or changed from, and when.</summary>
    public required string SourceFile { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public decimal? Rate(AbsenceIndicator indicator) => indicator switch
    {
        AbsenceIndicator.OverallAbsence => OverallAbsenceRate,
        AbsenceIndicator.AuthorisedAbsence => AuthorisedAbsenceRate,
        AbsenceIndicator.UnauthorisedAbsence => UnauthorisedAbsenceRate,
        AbsenceIndicator.PersistentAbsence => PersistentAbsenceRate,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator."),
    };
}

/// <summary>
/// One of the LA's chosen similar local authorities (statistical neighbours), which its figures are shown beside.
/// Chosen by the LA administrator; one set per Waymark, as a Waymark serves one LA.
/// </summary>
public class SimilarLocalAuthority
{
    public int Id { get; set; }

    /// <summary>The DfE 3-digit LA number.</summary>
    public int LaNumber { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public string? AddedByUserId { get; set; }
}
