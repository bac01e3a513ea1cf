using System.Globalization;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance;

/// <summary>
/// The ?year= choice the attendance pages share: one of the years offered (those with marks, and the current
/// one), the current year when none is given, and an error naming the problem when the value is not offered.
/// </summary>
public static class AttendanceYearChoice
{
    public const string Field = "year";

    public static (AcademicYear Year, string? Error) Choose(string? requested, IReadOnlyList<AcademicYear> offered, DateOnly today)
    {
        var current = AcademicYear.Containing(today);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (current, null);
        }

        if (!AcademicYear.TryParse(requested, out var year))
        {
            return (current, "Select an academic year from the list");
        }

        return offered.Contains(year)
            ? (year, null)
            : (current, $"There are no attendance marks for {year}: select an academic year from the list");
    }

    public static IReadOnlyList<SelectOption> Options(IReadOnlyList<AcademicYear> offered, AcademicYear chosen) =>
        offered.Select(y => new SelectOption(y.StartYear.ToString(CultureInfo.InvariantCulture), y.ToString(), y == chosen)).ToList();

    public const string PeriodField = "period";

    /// <summary>Figures for the term, or (the default) for the year so far.</summary>
    public static bool WantsTerm(string? period) => string.Equals(period, "term", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<SelectOption> PeriodOptions(ReportingPeriod period, bool term) =>
    [
        new("year", period.IsWholeYear ? $"The whole year {period.Year}" : $"The year {period.Year} so far", !term),
        new("term", period.AsOf < period.Term.End ? $"{period.Term} so far" : period.Term.ToString(), term),
    ];

    /// <summary>"Autumn term 2026/27, to 25 November 2026" or "2026/27, to 25 November 2026" or "the whole year 2024/25".</summary>
    public static string Describe(ReportingPeriod period, bool term) => term
        ? (period.AsOf < period.Term.End ? $"{period.Term}, to {period.AsOf:d MMMM yyyy}" : period.Term.ToString())
        : (period.IsWholeYear ? $"the whole year {period.Year}" : $"{period.Year}, to {period.AsOf:d MMMM yyyy}");

    public static string Percent(decimal? rate) => rate is decimal r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "No figures";
}
