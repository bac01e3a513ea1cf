using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Kpis;
using Waymark.Domain.Calendar;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared.Charts;
using Waymark.Web.Features.Shared.Downloads;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// One indicator: its definition, the trend over the years with marks against the target line, and this year's figures
/// by phase, school, year group and vulnerable group, each table downloadable (suppressed) as CSV or XLSX.
/// </summary>
public sealed class IndicatorModel(WaymarkDbContext db, CurrentUser currentUser, KpiFigures figures, TableDownloads downloads, Auditor auditor, TimeProvider clock)
    : KpiPageModel(db, currentUser)
{
    public static readonly IReadOnlyList<(string Id, KpiDimension Dimension, string Caption, string Header)> BreakdownTables =
    [
        ("by-phase", KpiDimension.Phase, "By phase", "Phase"),
        ("by-school", KpiDimension.School, "By school", "School"),
        ("by-year-group", KpiDimension.YearGroup, "By year group", "Year group"),
        ("by-vulnerable-group", KpiDimension.VulnerableGroup, "By vulnerable group (a child may be in more than one)", "Group"),
    ];

    [BindProperty(SupportsGet = true, Name = "school")]
    public int? RequestedUrn { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public SchoolPhase? Phase { get; private set; }

    public AcademicYear Year { get; private set; }

    public KpiYear Current { get; private set; } = null!;

    public IReadOnlyList<(AcademicYear Year, KpiCell Cell, decimal? Target)> Trend { get; private set; } = [];

    public KpiTarget? Target { get; private set; }

    /// <summary>For the absence indicators, pupils by their own absence rate; empty otherwise.</summary>
    public IReadOnlyList<(string Band, long Pupils)> Distribution { get; private set; } = [];

    public RagStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? phase, string? table, string? format)
    {
        if (Indicators.Find(code) is not Indicator indicator)
        {
            return NotFound();
        }

        if (await ScopeAsync(RequestedUrn) is { } refused)
        {
            return refused;
        }

        Indicator = indicator;
        if (indicator.ByPhase)
        {
            Phase = string.Equals(phase, "secondary", StringComparison.OrdinalIgnoreCase) ? SchoolPhase.Secondary : SchoolPhase.Primary;
        }

        var today = Today(clock);
        Year = AcademicYear.Containing(today);
        Current = await figures.ComputeAsync(indicator, Year, today, School?.Id);
        Target = TargetFor(indicator, Phase);
        Status = StatusOf(Target, indicator, Year, CellFor(Current, Phase).ValueFor(indicator));

        var trend = new List<(AcademicYear, KpiCell, decimal?)>();
        var years = await figures.YearsAsync(today);
        var first = Target is { } t ? Math.Min(t.BaselineYear, years[0].StartYear) : years[0].StartYear;
        for (var y = first; y <= Year.StartYear; y++)
        {
            var year = new AcademicYear(y);
            var cell = years.Contains(year) ? CellFor(year == Year ? Current : await figures.ComputeAsync(indicator, year, today, School?.Id), Phase) : default;
            trend.Add((year, cell, Target?.Line.ExpectedIn(y)));
        }

        Trend = trend;
        if (indicator == Indicators.OverallAbsence || indicator == Indicators.PersistentAbsence || indicator == Indicators.SevereAbsence)
        {
            Distribution = await figures.AbsenceDistributionAsync(Year, today, School?.Id, Phase);
        }
        var scopeText = $"{indicator.Name}{(Phase is { } p ? ", " + SchoolPhases.DisplayName(p) : "")}, {Year}, {Scope}";
        if (format is not null || table is not null)
        {
            if (!TableDownloads.TryParse(format, out var parsed) || DownloadFor(table) is not DownloadTable download)
            {
                return NotFound();
            }

            return await downloads.FileAsync(download, parsed, $"{scopeText}, small numbers suppressed");
        }

        await auditor.RecordNowAsync(AuditActions.KpisViewed, detail: scopeText);
        return Page();
    }

    public string Shown(KpiCell cell) => cell.Display(Indicator, Suppress);

    public string Unit => Indicator.Unit == IndicatorUnit.Percent ? "%" : "";

    public string QueryFor(string? table)
    {
        var parts = new List<string>();
        if (Phase is { } p)
        {
            parts.Add($"phase={p.ToString().ToLowerInvariant()}");
        }

        if (School is { } s && !Suppress)
        {
            parts.Add($"school={s.Urn}");
        }

        if (table is not null)
        {
            parts.Add($"table={table}");
        }

        return $"/kpis/{Indicator.Code}" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }

    // A suppressed value is neither drawn nor labelled with its number.
    private double? Drawn(KpiCell cell) =>
        cell.Display(Indicator, Suppress) is var shown && (shown == Suppression.Symbol || shown.Length == 0) ? null : (double?)cell.ValueFor(Indicator);

    public LineChart TrendChart() => new("trend-chart", $"{Indicator.Name} by year{(Phase is { } p ? ", " + SchoolPhases.DisplayName(p).ToLowerInvariant() : "")}",
        Target is { } t
            ? $"The figure for each academic year from {Trend[0].Year} to {Year} (this year so far), with the target line from {TargetRules.Show(t.BaselineValue)}{Unit} in {new AcademicYear(t.BaselineYear)} to {TargetRules.Show(t.TargetValue)}{Unit} by {new AcademicYear(t.TargetYear)}."
            : $"The figure for each academic year from {Trend[0].Year} to {Year} (this year so far). There is no target.",
        Unit,
        Trend.Select(p => (p.Year.ToString(), Drawn(p.Cell), p.Target is decimal v ? (double?)v : null)).ToList(),
        Indicator.Name, "Target line");

    public BarChart SchoolChart()
    {
        var rows = Current.By(KpiDimension.School);
        return new BarChart("school-chart", $"{Indicator.Name} by school, {Year}",
            $"One bar for each of the {rows.Count} schools with figures, in alphabetical order.", Unit, "School", Indicator.Name,
            rows.Select(r => (r.Group, Drawn(r.Cell), Shown(r.Cell))).ToList());
    }

    public Histogram DistributionChart() => new("distribution-chart", $"Pupils by their own absence rate, {Year} so far",
        "How many pupils missed each share of their possible sessions; persistent absence is 10% or more, severe 50% or more.",
        "Absence rate", "Pupils", Distribution.Select(d => (d.Band, d.Pupils, Suppression.Count(d.Pupils, Suppress))).ToList());

    public DownloadTable? DownloadFor(string? table)
    {
        if (table == "distribution" && Distribution.Count > 0)
        {
            return new DownloadTable($"absence-distribution-{Year.StartYear}", "Pupils by absence rate", ["Absence rate", "Pupils"],
                Distribution.Select(d => (IReadOnlyList<string>)[d.Band, Suppression.Count(d.Pupils, true)]).ToList());
        }

        var slug = $"{Indicator.Code}{(Phase is { } p ? "-" + p.ToString().ToLowerInvariant() : "")}-{Year.StartYear}";
        if (table == "trend")
        {
            return new DownloadTable($"{slug}-trend", $"{Indicator.Name} by year", ["Academic year", "Value", "Numerator", "Denominator", "Target line"],
                Trend.Select(t => Row(t.Year.ToString(), t.Cell, t.Target?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList());
        }

        var found = BreakdownTables.FirstOrDefault(b => b.Id == table);
        return found.Id is null || !Current.Breakdowns.ContainsKey(found.Dimension) ? null : new DownloadTable($"{slug}-{found.Id}", $"{Indicator.Name} {found.Caption.ToLowerInvariant()}",
            [found.Header, "Value", "Numerator", "Denominator"],
            Current.By(found.Dimension).Select(r => Row(r.Group, r.Cell)).ToList());
    }

    // Downloads are always suppressed, whoever asks.
    private IReadOnlyList<string> Row(string group, KpiCell cell, params string[] more) =>
    [
        group, cell.Display(Indicator, suppress: true), Suppression.Count(cell.Numerator, true),
        Indicator.Unit == IndicatorUnit.Count ? "" : Suppression.Count(cell.Denominator, true), .. more,
    ];
}
