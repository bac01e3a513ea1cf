using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

/// <summary>
/// Records one step of a needs assessment: the decision to assess, the draft, the final plan, a decision not to issue
/// a plan, or a reg 13(3) exception. The final plan also puts the EHC plan on the child's record (ending SEN support).
/// </summary>
public sealed class StepModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    public static readonly IReadOnlyList<string> Steps = ["decision", "draft", "final", "no-plan", "exception"];

    public string Step { get; private set; } = "";

    public EhcNeedsAssessment Assessment { get; private set; } = null!;

    [BindProperty]
    public DateInput On { get; set; } = new();

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Exception { get; set; }

    [BindProperty]
    public string? ExceptionNote { get; set; }

    public string Title => Step switch
    {
        "decision" => "Record the decision to assess",
        "draft" => "Record the draft plan",
        "final" => "Record the final plan",
        "no-plan" => "Record a decision not to issue a plan",
        _ => "Record an exception to the time limits",
    };

    public string DateLegend => Step switch
    {
        "decision" => "Date the family was told the decision",
        "draft" => "Date the draft plan was sent",
        "final" => "Date the final plan was issued",
        _ => "Date the family was told",
    };

    public IReadOnlyList<ChoiceOption> DecisionOptions => SendText.DecisionOptions(Decision);

    public IReadOnlyList<ChoiceOption> ExceptionOptions => TimescaleExceptions.All
        .Select(e => new ChoiceOption(e.ToString(), TimescaleExceptions.DisplayName(e), Exception == e.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid aid, string step) => await LoadAsync(id, aid, step) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid aid, string step)
    {
        if (await LoadAsync(id, aid, step) is IActionResult refused)
        {
            return refused;
        }

        var tracked = await Db.EhcNeedsAssessments.SingleAsync(a => a.Id == aid);
        var dates = tracked.Dates();
        string detail;
        if (Step == "exception")
        {
            var exception = TimescaleExceptions.All.Where(e => e.ToString() == Exception).Select(e => (TimescaleException?)e).FirstOrDefault();
            if (exception is null)
            {
                ModelState.AddModelError(nameof(Exception), "Select the exception that applies");
            }

            var note = ExceptionNote?.Trim();
            if (string.IsNullOrEmpty(note))
            {
                ModelState.AddModelError(nameof(ExceptionNote), "Enter what happened, with dates");
            }
            else if (note.Length > SendLimits.Text)
            {
                ModelState.AddModelError(nameof(ExceptionNote), $"What happened must be {SendLimits.Text:N0} characters or fewer");
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            tracked.Exception = exception;
            tracked.ExceptionNote = note;
            detail = $"exception recorded: {exception}";
        }
        else
        {
            var on = On.Parse(ModelState, nameof(On), DateLegend.ToLowerInvariant().Replace("date", "the date", StringComparison.Ordinal));
            AssessmentDecision? decision = null;
            if (Step == "decision")
            {
                decision = SendText.ParseDecision(Decision);
                if (decision is null)
                {
                    ModelState.AddModelError(nameof(Decision), "Select whether the LA will assess");
                }
            }

            if (on is DateOnly d && Problem(dates, d) is string problem)
            {
                ModelState.AddModelError(nameof(On), problem);
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            var date = on!.Value;
            switch (Step)
            {
                case "decision":
                    tracked.DecidedOn = date;
                    tracked.Decision = decision;
                    break;
                case "draft":
                    tracked.DraftSentOn = date;
                    break;
                case "final":
                    tracked.FinalPlanOn = date;
                    await PlanOnRecord.PutAsync(Db, tracked.ChildId, date);
                    break;
                default:
                    tracked.NoPlanOn = date;
                    break;
            }

            detail = $"{Step} on {date:yyyy-MM-dd}{(decision is null ? "" : $": {decision}")}";
        }

        tracked.UpdatedAtUtc = UtcNow;
        Auditor.Record(AuditActions.SendChanged, id, $"EHC needs assessment requested {tracked.RequestedOn:yyyy-MM-dd}: {detail}");
        await Db.SaveChangesAsync();
        Flash(Title.Replace("Record ", "Recorded ", StringComparison.Ordinal));
        return Redirect(ChildPath);
    }

    private string? Problem(NeedsAssessmentDates dates, DateOnly on) => Step switch
    {
        "decision" when dates.DecidedOn is not null => "The decision has already been recorded",
        "decision" => NeedsAssessmentClock.DecisionProblem(dates, on, TodayDate),
        "draft" when dates.DraftSentOn is not null => "The draft has already been recorded",
        "draft" => NeedsAssessmentClock.DraftProblem(dates, on, TodayDate),
        "final" when dates.FinalPlanOn is not null => "The final plan has already been recorded",
        "final" => NeedsAssessmentClock.FinalPlanProblem(dates, on, TodayDate),
        _ when dates.NoPlanOn is not null || dates.FinalPlanOn is not null => "The outcome has already been recorded",
        _ => NeedsAssessmentClock.NoPlanProblem(dates, on, TodayDate),
    };

    private async Task<IActionResult?> LoadAsync(Guid id, Guid aid, string step)
    {
        if (!Steps.Contains(step))
        {
            return NotFound();
        }

        Step = step;
        if (await OpenAsync(id, step, record: true) is IActionResult refused)
        {
            return refused;
        }

        if (Case.Assessments.FirstOrDefault(a => a.Id == aid) is not EhcNeedsAssessment assessment)
        {
            return NotFound();
        }

        Assessment = assessment;
        return null;
    }
}
