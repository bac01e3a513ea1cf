using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Evaluation;
using Waymark.Domain.Calendar;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared.Downloads;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Evaluation;

/// <summary>
/// Evaluate a programme against a matched comparison group (issue 8, "Programme evaluation"). A GET form, so it works
/// without JavaScript and the results have an address the download repeats. Every run is audited; no child is named.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, TableDownloads downloads, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const double DefaultCaliper = 5;

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Caliper { get; set; }

    public IReadOnlyList<(string Value, string Label)> Programmes { get; private set; } = [];

    public EvaluationReport? Report { get; private set; }

    public string ProgrammeLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!EvaluationAccess.CanEvaluate(currentUser.Role))
        {
            return Forbid();
        }

        await LoadProgrammesAsync(ct);
        if (Programme is null && Period is null && Caliper is null)
        {
            Period = EvaluationText.Periods[1].Days;
            Caliper = DefaultCaliper.ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        if (Validate() is not EvaluationRequest request)
        {
            return Page();
        }

        Report = await new ProgrammeEvaluation(db).RunAsync(request, clock.UkToday(), ct);
        await auditor.RecordNowAsync(AuditActions.EvaluationRun, detail: Detail(Report));
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? table, string? format, CancellationToken ct)
    {
        if (!EvaluationAccess.CanEvaluate(currentUser.Role))
        {
            return Forbid();
        }

        await LoadProgrammesAsync(ct);
        if (Validate() is not EvaluationRequest request)
        {
            return Page();
        }

        var report = await new ProgrammeEvaluation(db).RunAsync(request, clock.UkToday(), ct);
        if (table is null)
        {
            return await downloads.WorkbookAsync("programme-evaluation", EvaluationTables.All(report, ProgrammeLabel), Detail(report), AuditActions.EvaluationDownloaded);
        }

        if (!TableDownloads.TryParse(format, out var parsed) || EvaluationTables.Find(report, ProgrammeLabel, table) is not DownloadTable download)
        {
            return NotFound();
        }

        return await downloads.FileAsync(download, parsed, Detail(report), AuditActions.EvaluationDownloaded);
    }

    public string DownloadUrl => $"/evaluation?handler=download&programme={Uri.EscapeDataString(Programme ?? "")}&period={Period}&caliper={Uri.EscapeDataString(Caliper ?? "")}";

    private string Detail(EvaluationReport report) =>
        $"{ProgrammeLabel}; {report.Request.PeriodDays} days before and after; caliper {report.Request.Caliper.ToString(CultureInfo.InvariantCulture)} points; " +
        $"{report.InProgramme} in the programme, {report.Matched} matched, {report.UnmatchedCount} unmatched, {report.TooRecent} too recent";

    private EvaluationRequest? Validate()
    {
        ProgrammeChoice? choice = null;
        var label = Programmes.FirstOrDefault(p => p.Value == Programme).Label;
        if (label is null || ParseProgramme(Programme) is not ProgrammeChoice parsed)
        {
            ModelState.AddModelError(nameof(Programme), "Select the programme to evaluate");
        }
        else
        {
            choice = parsed;
            ProgrammeLabel = label;
        }

        if (Period is not int days || EvaluationText.Periods.All(p => p.Days != days))
        {
            ModelState.AddModelError(nameof(Period), "Select how long a period before and after the start to compare");
        }

        double caliper = 0;
        if (string.IsNullOrWhiteSpace(Caliper))
        {
            ModelState.AddModelError(nameof(Caliper), "Enter the caliper, in percentage points of attendance");
        }
        else if (!double.TryParse(Caliper.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out caliper) || caliper < 0 || caliper > 100)
        {
            ModelState.AddModelError(nameof(Caliper), "The caliper must be a number of percentage points from 0 to 100, like 5 or 2.5");
        }

        return ModelState.IsValid && choice is not null ? new EvaluationRequest(choice, Period!.Value, caliper) : null;
    }

    public static ProgrammeChoice? ParseProgramme(string? value)
    {
        var parts = (value ?? "").Split(':');
        return parts switch
        {
            ["transition", var year] when int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) => new ProgrammeChoice(ProgrammeKind.TransitionCohort, CohortYear: y),
            ["intervention", var id] when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => new ProgrammeChoice(ProgrammeKind.Intervention, InterventionId: i),
            ["early-help"] => new ProgrammeChoice(ProgrammeKind.EarlyHelp),
            _ => null,
        };
    }

    private async Task LoadProgrammesAsync(CancellationToken ct)
    {
        var years = await db.Transitions.AsNoTracking().Where(t => t.Decision == CohortDecision.Confirmed)
            .Select(t => t.CohortYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var interventions = await db.Interventions.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        var options = new List<(string, string)>();
        options.AddRange(years.Select(y => ($"transition:{y}", $"Transition cohort: Year 6 in {new AcademicYear(y)}")));
        options.AddRange(interventions.Select(i => ($"intervention:{i.Id}", $"Intervention: {i.Name}")));
        options.Add(("early-help", "Children in families with an agreed early help plan"));
        Programmes = options;
    }
}
