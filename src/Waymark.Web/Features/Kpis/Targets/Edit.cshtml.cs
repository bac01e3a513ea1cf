using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Kpis.Targets;

/// <summary>
/// Sets, changes or removes the LA's target for one indicator (and phase). LA administrators and officers only; each
/// change is audited with the old and new target.
/// </summary>
public sealed class EditModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const string BaselineYearField = "baseline-year";
    public const string BaselineValueField = "baseline-value";
    public const string TargetYearField = "target-year";
    public const string TargetValueField = "target-value";

    [BindProperty(Name = BaselineYearField)]
    public int? BaselineYear { get; set; }

    [BindProperty(Name = BaselineValueField)]
    public string? BaselineValue { get; set; }

    [BindProperty(Name = TargetYearField)]
    public int? TargetYear { get; set; }

    [BindProperty(Name = TargetValueField)]
    public string? TargetValue { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public SchoolPhase? Phase { get; private set; }

    public KpiTarget? Existing { get; private set; }

    public int CurrentYear { get; private set; }

    public string Title => $"{Indicator.Name}{(Phase is SchoolPhase p ? ", " + SchoolPhases.DisplayName(p).ToLowerInvariant() : "")}";

    public async Task<IActionResult> OnGetAsync(string code, string? phase)
    {
        if (await LoadAsync(code, phase) is { } refused)
        {
            return refused;
        }

        BaselineYear = Existing?.BaselineYear;
        BaselineValue = Existing is null ? null : TargetRules.Show(Existing.BaselineValue);
        TargetYear = Existing?.TargetYear;
        TargetValue = Existing is null ? null : TargetRules.Show(Existing.TargetValue);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? phase)
    {
        if (await LoadAsync(code, phase) is { } refused)
        {
            return refused;
        }

        // Model binding's own messages ("The value 'x' is not valid") are replaced by ours.
        ModelState.Clear();
        if (BaselineYear is null)
        {
            ModelState.AddModelError(BaselineYearField, "Select the baseline year");
        }

        var baseline = TargetRules.ParseValue(BaselineValue, Indicator, out var baselineProblem);
        if (baselineProblem is not null)
        {
            ModelState.AddModelError(BaselineValueField, baselineProblem.Replace("Enter a value", "Enter the baseline value", StringComparison.Ordinal));
        }

        if (TargetYear is null)
        {
            ModelState.AddModelError(TargetYearField, "Select the target year");
        }

        var target = TargetRules.ParseValue(TargetValue, Indicator, out var targetProblem);
        if (targetProblem is not null)
        {
            ModelState.AddModelError(TargetValueField, targetProblem.Replace("Enter a value", "Enter the target value", StringComparison.Ordinal));
        }

        if (BaselineYear is int by && TargetYear is int ty && TargetRules.YearsProblem(by, ty, CurrentYear) is { } yearsProblem)
        {
            ModelState.AddModelError(yearsProblem.StartsWith("The baseline", StringComparison.Ordinal) ? BaselineYearField : TargetYearField, yearsProblem);
        }

        if (baseline is decimal b && target is decimal t && TargetRules.DirectionProblem(Indicator, b, t) is { } directionProblem)
        {
            ModelState.AddModelError(TargetValueField, directionProblem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = Describe(Existing);
        var saved = Existing ?? db.KpiTargets.Add(new KpiTarget { IndicatorCode = Indicator.Code, Phase = Phase }).Entity;
        saved.BaselineYear = BaselineYear!.Value;
        saved.BaselineValue = baseline!.Value;
        saved.TargetYear = TargetYear!.Value;
        saved.TargetValue = target!.Value;
        var after = Describe(saved);
        if (before == after)
        {
            Flash($"The target for {Title.ToLowerInvariant()} was not changed");
            return Redirect("/kpis/targets");
        }

        saved.UpdatedByUserId = currentUser.Id;
        saved.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        auditor.Record(AuditActions.KpiTargetChanged, detail: $"{Title}: from {before} to {after}");
        await db.SaveChangesAsync();
        Flash($"The target for {Title.ToLowerInvariant()} has been saved");
        return Redirect("/kpis/targets");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, string? phase)
    {
        if (await LoadAsync(code, phase) is { } refused)
        {
            return refused;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        db.KpiTargets.Remove(Existing);
        auditor.Record(AuditActions.KpiTargetChanged, detail: $"{Title}: from {Describe(Existing)} to no target");
        await db.SaveChangesAsync();
        Flash($"The target for {Title.ToLowerInvariant()} has been removed");
        return Redirect("/kpis/targets");
    }

    public SelectField BaselineYearSelect => YearSelect(BaselineYearField, "Baseline year", BaselineYear,
        Enumerable.Range(TargetRules.EarliestYear, CurrentYear - TargetRules.EarliestYear + 1).Reverse(),
        "The academic year whose figure the target starts from; seed 002 uses 2018/19, the last before the pandemic.");

    public SelectField TargetYearSelect => YearSelect(TargetYearField, "Target year", TargetYear,
        Enumerable.Range(TargetRules.EarliestYear + 1, CurrentYear + TargetRules.MostYearsAhead - TargetRules.EarliestYear),
        "The academic year by the end of which the LA aims to reach the target.");

    public TextField BaselineValueText => new(BaselineValueField, $"Baseline value{UnitHint}", BaselineValue, ErrorFor(BaselineValueField),
        CssClass: "govuk-input--width-5", InputMode: "decimal");

    public TextField TargetValueText => new(TargetValueField, $"Target value{UnitHint}", TargetValue, ErrorFor(TargetValueField),
        Indicator.Direction == Direction.LowerIsBetter ? "Lower is better for this indicator." : "Higher is better for this indicator.",
        CssClass: "govuk-input--width-5", InputMode: "decimal");

    private string UnitHint => Indicator.Unit switch
    {
        IndicatorUnit.Percent => " (%)",
        IndicatorUnit.PerHundredPupils => " (per 100 pupils)",
        _ => " (pupils)",
    };

    private SelectField YearSelect(string id, string label, int? selected, IEnumerable<int> years, string hint) =>
        new(id, label,
            [new SelectOption("", "Choose a year", selected is null), .. years.Select(y => new SelectOption(y.ToString(CultureInfo.InvariantCulture), new AcademicYear(y).ToString(), y == selected))],
            ErrorFor(id), hint);

    private async Task<IActionResult?> LoadAsync(string code, string? phase)
    {
        if (!KpiAccess.CanSetTargets(currentUser.Role))
        {
            return Forbid();
        }

        if (Indicators.Find(code) is not Indicator indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        if (indicator.ByPhase)
        {
            Phase = Indicators.ReportedPhases.Cast<SchoolPhase?>().FirstOrDefault(p => string.Equals(p.ToString(), phase, StringComparison.OrdinalIgnoreCase));
            if (Phase is null)
            {
                return NotFound();
            }
        }
        else if (phase is not null)
        {
            return NotFound();
        }

        CurrentYear = AcademicYear.Containing(Today(clock)).StartYear;
        Existing = await db.KpiTargets.SingleOrDefaultAsync(t => t.IndicatorCode == indicator.Code && t.Phase == Phase);
        return null;
    }

    private static string Describe(KpiTarget? target) => target is null
        ? "no target"
        : $"{target.BaselineText} to {target.TargetText}";
}
