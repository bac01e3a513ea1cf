using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Kpis;
using Waymark.Domain.Calendar;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared.Downloads;

namespace Waymark.Web.Features.Kpis;

/// <summary>The KPI dashboard: each indicator (by phase where it has one) this year against the LA's target, with its RAG status.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, KpiFigures figures, TableDownloads downloads, Auditor auditor, TimeProvider clock)
    : KpiPageModel(db, currentUser)
{
    public sealed record Line(Indicator Indicator, SchoolPhase? Phase, KpiCell Cell, KpiTarget? Target, RagStatus? Status);

    [BindProperty(SupportsGet = true, Name = "school")]
    public int? RequestedUrn { get; set; }

    public AcademicYear Year { get; private set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        if (await ScopeAsync(RequestedUrn) is { } refused)
        {
            return refused;
        }

        var today = Today(clock);
        Year = AcademicYear.Containing(today);
        var lines = new List<Line>();
        foreach (var indicator in Indicators.All)
        {
            var year = await figures.ComputeAsync(indicator, Year, today, School?.Id);
            foreach (var phase in PhasesOf(indicator))
            {
                var cell = CellFor(year, phase);
                var target = TargetFor(indicator, phase);
                lines.Add(new Line(indicator, phase, cell, target, StatusOf(target, indicator, Year, cell.ValueFor(indicator))));
            }
        }

        Lines = lines;
        if (format is not null)
        {
            if (!TableDownloads.TryParse(format, out var parsed))
            {
                return NotFound();
            }

            return await downloads.FileAsync(Table(), parsed, $"KPIs, {Year}, {Scope}, small numbers suppressed");
        }

        await auditor.RecordNowAsync(AuditActions.KpisViewed, detail: $"dashboard, {Year}, {Scope}");
        return Page();
    }

    public string Shown(Line line, bool suppress) => line.Cell.Display(line.Indicator, suppress);

    /// <summary>The dashboard as a download: always suppressed.</summary>
    public DownloadTable Table() => new($"kpis-{Year.StartYear}", "KPIs",
        ["Indicator", "Phase", "Value", "Numerator", "Denominator", "Baseline", "Target", "Status"],
        Lines.Select(l => (IReadOnlyList<string>)
        [
            l.Indicator.Name, PhaseName(l.Phase), Shown(l, suppress: true),
            Suppression.Count(l.Cell.Numerator, true), l.Indicator.Unit == IndicatorUnit.Count ? "" : Suppression.Count(l.Cell.Denominator, true),
            l.Target?.BaselineText ?? "",
            l.Target?.TargetText ?? "",
            l.Status is { } s ? Rag.DisplayName(s) : "No target",
        ]).ToList());
}
