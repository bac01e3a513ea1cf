using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;
using Waymark.Web.Features.Shared.Downloads;

namespace Waymark.Web.Features.Benchmarking;

/// <summary>
/// The LA beside national, its region and its similar LAs, on DfE's published figures, with Waymark's own figures for
/// the same year from its marks, and each LA's rank among all LAs. LA-wide roles and analysts (folder policy).
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, BenchmarkingReport report, TableDownloads downloads, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const string PeriodField = "period";
    public const string PhaseField = "phase";

    [BindProperty(SupportsGet = true, Name = PeriodField)]
    public string? RequestedPeriod { get; set; }

    [BindProperty(SupportsGet = true, Name = PhaseField)]
    public string? RequestedPhase { get; set; }

    public LocalAuthority? La { get; private set; }

    public bool HasPublishedFigures { get; private set; }

    public Comparison? Figures { get; private set; }

    public IReadOnlyList<SelectField> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? table, string? format)
    {
        La = await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync();
        var periods = await report.PeriodsAsync();
        HasPublishedFigures = periods.Count > 0;
        if (La is null || periods.Count == 0)
        {
            return Page();
        }

        var period = periods.FirstOrDefault(p => p.Value == RequestedPeriod);
        if (RequestedPeriod is not null && period is null)
        {
            ModelState.AddModelError(PeriodField, "Choose a period from the list");
        }

        period ??= periods[0];
        var phase = PublishedPhase.Total;
        if (RequestedPhase is not null)
        {
            if (Enum.TryParse<PublishedPhase>(RequestedPhase, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                phase = parsed;
            }
            else
            {
                ModelState.AddModelError(PhaseField, "Choose a phase from the list");
            }
        }

        Choices =
        [
            new SelectField(PeriodField, "Published period", periods.Select(p => new SelectOption(p.Value, p.Name, p == period)).ToList(), ErrorFor(PeriodField)),
            new SelectField(PhaseField, "Phase",
                PublishedStatistics.Phases.Select(p => new SelectOption(p.ToString(), PublishedStatistics.PhaseName(p), p == phase)).ToList(), ErrorFor(PhaseField)),
        ];
        Figures = await report.CompareAsync(La, period, phase, Today(clock));
        var scope = $"{period.Name}, {PublishedStatistics.PhaseName(phase)}";
        if (table is not null || format is not null)
        {
            if (!ModelState.IsValid || !TableDownloads.TryParse(format, out var parsed) || DownloadFor(table) is not DownloadTable download)
            {
                return NotFound();
            }

            return await downloads.FileAsync(download, parsed, scope);
        }

        await auditor.RecordNowAsync(AuditActions.BenchmarkingViewed, detail: $"{period.Name}, {PublishedStatistics.PhaseName(phase)}");
        return Page();
    }

    /// <summary>The rows of the rates table: Waymark's own, DfE's for the LA, England, the region, each similar LA, their mean.</summary>
    public IReadOnlyList<(string Key, ComparisonRow Row)> RateRows => Figures is not { } f ? [] :
        new[] { ("waymark", f.Waymark), ("dfe-la", f.Published), ("national", f.National), ("region", f.Region) }
            .Concat(f.SimilarLas.Select(r => ("similar", (ComparisonRow?)r)))
            .Append(("similar-average", f.SimilarAverage))
            .Where(r => r.Item2 is not null)
            .Select(r => (r.Item1, r.Item2!))
            .ToList();

    /// <summary>The rows of the ranks table: the LA, then each similar LA.</summary>
    public IReadOnlyList<ComparisonRow> RankRows => Figures is not { } f ? [] : new[] { f.Published }.Concat(f.SimilarLas).OfType<ComparisonRow>().ToList();

    /// <summary>The page's link for a table's download, keeping the chosen period and phase.</summary>
    public string DownloadHref(string table) =>
        $"/benchmarking?{PeriodField}={Uri.EscapeDataString(Figures!.Period.Value)}&{PhaseField}={Figures.Phase}&table={table}";

    /// <summary>LA-level published figures: nothing about a child, so nothing to suppress.</summary>
    public DownloadTable? DownloadFor(string? table)
    {
        if (Figures is not { } f)
        {
            return null;
        }

        var indicators = PublishedStatistics.Indicators;
        var phaseName = PublishedStatistics.PhaseName(f.Phase).ToLowerInvariant();
        var slug = $"{f.Period.Value}-{f.Phase.ToString().ToLowerInvariant()}";
        return table switch
        {
            "rates" => new DownloadTable($"benchmarking-rates-{slug}", "Absence rates beside others",
                ["Area", "Source", .. indicators.Select(PublishedStatistics.IndicatorName)],
                RateRows.Select(r => (IReadOnlyList<string>)[r.Row.Area, r.Row.Source, .. indicators.Select(i => Percent(r.Row.Rates[i], r.Row.Missing))]).ToList()),
            "ranks" => new DownloadTable($"benchmarking-ranks-{slug}", "Ranks among all LAs",
                ["Local authority", .. indicators.Select(PublishedStatistics.IndicatorName)],
                RankRows.Select(r => (IReadOnlyList<string>)[r.Area, .. indicators.Select(i => RankText(r.Ranks[i]))]).ToList()),
            _ => null,
        };
    }

    /// <summary>To one decimal place, as DfE show rates; ranks use the full figures.</summary>
    public static string Percent(decimal? rate, string missing = "not published") =>
        rate is decimal r ? Math.Round(r, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : missing;

    public static string RankText(Rank? rank) =>
        rank is Rank r ? $"{Ranking.Ordinal(r.Position)}{(r.Tied ? " (tied)" : "")} of {r.OutOf}" : "no rank";
}
