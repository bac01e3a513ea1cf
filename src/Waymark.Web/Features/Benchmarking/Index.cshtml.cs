using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Benchmarking;

/// <summary>
/// The LA beside national, its region and its similar LAs, on DfE's published figures, with Waymark's own figures for
/// the same year from its marks, and each LA's rank among all LAs. LA-wide roles and analysts (folder policy).
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, BenchmarkingReport report, Auditor auditor, TimeProvider clock) : WaymarkPageModel
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

    public async Task<IActionResult> OnGetAsync()
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
        await auditor.RecordNowAsync(AuditActions.BenchmarkingViewed, detail: $"{period.Name}, {PublishedStatistics.PhaseName(phase)}");
        return Page();
    }

    /// <summary>To one decimal place, as DfE show rates; ranks use the full figures.</summary>
    public static string Percent(decimal? rate, string missing = "not published") =>
        rate is decimal r ? Math.Round(r, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : missing;

    public static string RankText(Rank? rank) =>
        rank is Rank r ? $"{Ranking.Ordinal(r.Position)}{(r.Tied ? " (tied)" : "")} of {r.OutOf}" : "no rank";
}
