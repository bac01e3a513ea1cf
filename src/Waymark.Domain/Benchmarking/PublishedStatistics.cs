using System.Globalization;

namespace Waymark.Domain.Benchmarking;

/// <summary>The level of an area in DfE's published statistics (the file's <c>geographic_level</c>).</summary>
public enum GeographicLevel
{
    National,
    Regional,
    LocalAuthority,
}

/// <summary>The phase of education a published row covers (the file's <c>education_phase</c>).</summary>
public enum PublishedPhase
{
    Primary,
    Secondary,
    Special,
    Total,
}

/// <summary>The four absence indicators the LA is compared on; for each, a lower figure is better.</summary>
public enum AbsenceIndicator
{
    OverallAbsence,
    AuthorisedAbsence,
    UnauthorisedAbsence,
    PersistentAbsence,
}

public static class PublishedStatistics
{
    public static IReadOnlyList<PublishedPhase> Phases { get; } = Enum.GetValues<PublishedPhase>().AsReadOnly();

    public static IReadOnlyList<AbsenceIndicator> Indicators { get; } = Enum.GetValues<AbsenceIndicator>().AsReadOnly();

    /// <summary>
    /// The symbols DfE and the Government Statistical Service put in a cell whose figure is not published: c
    /// (confidential, suppressed), x (not available), z (not applicable), u (low reliability), low (rounds to zero)
    /// and the older ":" and "." of Explore Education Statistics files. Stored as "not published", never as zero.
    /// </summary>
    public static IReadOnlyList<string> NotPublishedMarkers { get; } = ["c", "x", "z", "u", "low", ":", "."];

    public static bool IsNotPublished(string text) =>
        NotPublishedMarkers.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The file's <c>geographic_level</c> text; null for any other level (such as "School" or "Local authority district").</summary>
    public static GeographicLevel? ParseLevel(string text) => text.Trim().ToUpperInvariant() switch
    {
        "NATIONAL" => GeographicLevel.National,
        "REGIONAL" => GeographicLevel.Regional,
        "LOCAL AUTHORITY" => GeographicLevel.LocalAuthority,
        _ => null,
    };

    public static string LevelName(GeographicLevel level) => level switch
    {
        GeographicLevel.National => "National",
        GeographicLevel.Regional => "Regional",
        GeographicLevel.LocalAuthority => "Local authority",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    /// <summary>The file's <c>education_phase</c>; the "State-funded" names of other DfE releases are the same phases.</summary>
    public static PublishedPhase? ParsePhase(string text) => text.Trim().ToUpperInvariant() switch
    {
        "PRIMARY" or "STATE-FUNDED PRIMARY" => PublishedPhase.Primary,
        "SECONDARY" or "STATE-FUNDED SECONDARY" => PublishedPhase.Secondary,
        "SPECIAL" or "STATE-FUNDED SPECIAL" => PublishedPhase.Special,
        "TOTAL" => PublishedPhase.Total,
        _ => null,
    };

    public static string PhaseName(PublishedPhase phase) => phase switch
    {
        PublishedPhase.Primary => "Primary",
        PublishedPhase.Secondary => "Secondary",
        PublishedPhase.Special => "Special",
        PublishedPhase.Total => "All phases",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase."),
    };

    public static string IndicatorName(AbsenceIndicator indicator) => indicator switch
    {
        AbsenceIndicator.OverallAbsence => "Overall absence rate",
        AbsenceIndicator.AuthorisedAbsence => "Authorised absence rate",
        AbsenceIndicator.UnauthorisedAbsence => "Unauthorised absence rate",
        AbsenceIndicator.PersistentAbsence => "Persistent absence (10% or more of sessions missed)",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator."),
    };

    /// <summary>
    /// A DfE time period such as 202526 for the academic year 2025/26: six digits, the second year following the
    /// first. Returns the year the academic year starts in, or null.
    /// </summary>
    public static int? AcademicYearStart(string text)
    {
        if (text.Length != 6 || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        var start = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var end = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return (start + 1) % 100 == end && start >= 2000 ? start : null;
    }

    /// <summary>202526 as "2025/26".</summary>
    public static string PeriodName(int timePeriod) =>
        string.Create(CultureInfo.InvariantCulture, $"{timePeriod / 100}/{timePeriod % 100:D2}");
}
