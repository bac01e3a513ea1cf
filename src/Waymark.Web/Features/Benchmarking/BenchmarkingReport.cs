using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Benchmarking;
using Waymark.Domain.Calendar;
using Waymark.Domain.Schools;

namespace Waymark.Web.Features.Benchmarking;

/// <summary>A published period Waymark holds: DfE's time period and identifier.</summary>
public sealed record PublishedPeriod(int TimePeriod, string TimeIdentifier)
{
    public string Value => $"{TimePeriod}-{TimeIdentifier}";

    public string Name => $"{PublishedStatistics.PeriodName(TimePeriod)} ({TimeIdentifier.ToLowerInvariant()})";

    public AcademicYear Year => new(PublishedStatistics.AcademicYearStart(TimePeriod.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? TimePeriod / 100);
}

/// <summary>One line of the comparison: an area's four rates, where they came from, and for an LA its ranks.</summary>
public sealed record ComparisonRow(string Area, string Source, IReadOnlyDictionary<AbsenceIndicator, decimal?> Rates,
    IReadOnlyDictionary<AbsenceIndicator, Rank?> Ranks, bool IsThisLa = false, decimal? Enrolments = null, string Missing = "not published");

public sealed record Comparison(
    PublishedPeriod Period,
    PublishedPhase Phase,
    int LaNumber,
    string LaName,
    DateOnly WaymarkFrom,
    DateOnly WaymarkTo,
    ComparisonRow Waymark,
    ComparisonRow? Published,
    ComparisonRow? National,
    ComparisonRow? Region,
    IReadOnlyList<ComparisonRow> SimilarLas,
    IReadOnlyList<int> SimilarLasNotInFile,
    ComparisonRow? SimilarAverage,
    int LocalAuthoritiesInFile,
    DateTime ImportedAtUtc,
    string SourceFile);

/// <summary>
/// The LA beside national, its region and its similar LAs for one published period and phase: DfE's own figures as
/// imported, Waymark's from its marks by the same definitions (<see cref="AttendanceStatistics"/>), and each LA's
/// rank among all LAs on DfE's figures. See docs/benchmarking.md.
/// </summary>
public sealed class BenchmarkingReport(WaymarkDbContext db, AttendanceStatistics statistics)
{
    public async Task<IReadOnlyList<PublishedPeriod>> PeriodsAsync(CancellationToken ct = default) =>
        (await db.PublishedAttendance.AsNoTracking().Select(p => new { p.TimePeriod, p.TimeIdentifier }).Distinct().ToListAsync(ct))
        .OrderByDescending(p => p.TimePeriod).ThenBy(p => p.TimeIdentifier, StringComparer.Ordinal)
        .Select(p => new PublishedPeriod(p.TimePeriod, p.TimeIdentifier))
        .ToList();

    /// <summary>The comparison as of <paramref name="today"/> (Waymark's own figures run from 1 September to then, or to the year's end).</summary>
    public async Task<Comparison> CompareAsync(LocalAuthority la, PublishedPeriod period, PublishedPhase phase, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.PublishedAttendance.AsNoTracking()
            .Where(p => p.TimePeriod == period.TimePeriod && p.TimeIdentifier == period.TimeIdentifier && p.Phase == phase)
            .ToListAsync(ct);
        var las = rows.Where(r => r.Level == GeographicLevel.LocalAuthority && r.LaNumber is not null).ToList();
        var byNumber = las.GroupBy(r => r.LaNumber!.Value).ToDictionary(g => g.Key, g => g.First());
        var all = PublishedStatistics.Indicators.ToDictionary(i => i, i => (IReadOnlyCollection<decimal>)las.Select(r => r.Rate(i)).OfType<decimal>().ToList());

        ComparisonRow FromFile(PublishedAttendance row, string area, string source, bool ranked, bool isThisLa = false) => new(
            area, source,
            PublishedStatistics.Indicators.ToDictionary(i => i, row.Rate),
            PublishedStatistics.Indicators.ToDictionary(i => i, i => ranked ? Ranking.Of(row.Rate(i), all[i]) : null),
            isThisLa, row.Enrolments);

        var published = byNumber.GetValueOrDefault(la.Code);
        var national = rows.FirstOrDefault(r => r.Level == GeographicLevel.National);
        var region = published?.RegionCode is string regionCode
            ? rows.FirstOrDefault(r => r.Level == GeographicLevel.Regional && r.AreaCode == regionCode)
            : null;

        var similarNumbers = await db.SimilarLocalAuthorities.AsNoTracking().OrderBy(s => s.LaNumber).Select(s => s.LaNumber).ToListAsync(ct);
        var similar = similarNumbers.Where(byNumber.ContainsKey)
            .Select(n => byNumber[n])
            .OrderBy(r => r.AreaName, StringComparer.CurrentCulture)
            .Select(r => FromFile(r, $"{r.AreaName} ({r.LaNumber:D3})", "DfE", ranked: true))
            .ToList();
        var average = similar.Count == 0
            ? null
            : new ComparisonRow($"Average of the {similar.Count} similar LAs", "DfE figures, mean of the LAs' rates",
                PublishedStatistics.Indicators.ToDictionary(i => i, i => Ranking.Average(similar.Select(s => s.Rates[i]))),
                PublishedStatistics.Indicators.ToDictionary(i => i, _ => (Rank?)null));

        var from = period.Year.Start;
        var to = today < period.Year.End ? today : period.Year.End;
        var figures = to < from
            ? default
            : (await statistics.ComputeAsync(from, to, InPhase(phase), ct)).LocalAuthorities.FirstOrDefault(g => g.Key == la.Code)?.Figures ?? default;
        var waymark = new ComparisonRow($"{la.Name} ({la.Code:D3})", "Waymark, from the register marks", new Dictionary<AbsenceIndicator, decimal?>
        {
            [AbsenceIndicator.OverallAbsence] = figures.OverallAbsenceRate,
            [AbsenceIndicator.AuthorisedAbsence] = figures.AuthorisedAbsenceRate,
            [AbsenceIndicator.UnauthorisedAbsence] = figures.UnauthorisedAbsenceRate,
            [AbsenceIndicator.PersistentAbsence] = figures.PersistentAbsenceRate,
        }, PublishedStatistics.Indicators.ToDictionary(i => i, _ => (Rank?)null), IsThisLa: true, Enrolments: figures.Enrolments, Missing: "no marks held");

        var latest = rows.Count == 0 ? null : rows.MaxBy(r => r.ImportedAtUtc);
        return new Comparison(period, phase, la.Code, la.Name, from, to, waymark,
            published is null ? null : FromFile(published, $"{published.AreaName} ({la.Code:D3})", "DfE", ranked: true, isThisLa: true),
            national is null ? null : FromFile(national, national.AreaName, "DfE", ranked: false),
            region is null ? null : FromFile(region, region.AreaName, "DfE", ranked: false),
            similar,
            similarNumbers.Where(n => !byNumber.ContainsKey(n)).ToList(),
            average,
            las.Count,
            latest?.ImportedAtUtc ?? default,
            latest?.SourceFile ?? "");
    }

    /// <summary>
    /// The LA's schools counted in each DfE phase: special schools by their type, whatever their phase; primary and
    /// middle-deemed-primary; secondary, middle-deemed-secondary and all-through. "Total" is those three together, as
    /// DfE's is (nurseries, 16 plus and pupil referral units are in none).
    /// </summary>
    public static Expression<Func<AttendanceYear, bool>> InPhase(PublishedPhase phase) => phase switch
    {
        PublishedPhase.Special => y => y.School!.Type.ToLower().Contains("special"),
        PublishedPhase.Primary => y => !y.School!.Type.ToLower().Contains("special")
                                       && (y.School.Phase == SchoolPhase.Primary || y.School.Phase == SchoolPhase.MiddleDeemedPrimary),
        PublishedPhase.Secondary => y => !y.School!.Type.ToLower().Contains("special")
                                         && (y.School.Phase == SchoolPhase.Secondary || y.School.Phase == SchoolPhase.MiddleDeemedSecondary
                                             || y.School.Phase == SchoolPhase.AllThrough),
        _ => y => y.School!.Type.ToLower().Contains("special") || y.School.Phase == SchoolPhase.Primary
                  || y.School.Phase == SchoolPhase.MiddleDeemedPrimary || y.School.Phase == SchoolPhase.Secondary
                  || y.School.Phase == SchoolPhase.MiddleDeemedSecondary || y.School.Phase == SchoolPhase.AllThrough,
    };
}
