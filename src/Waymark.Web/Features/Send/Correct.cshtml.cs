using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

/// <summary>
/// Corrects a needs assessment recorded wrongly: any recorded date, the decision, or the last step removed as recorded in
/// error. The corrected dates are checked as a whole (<see cref="NeedsAssessmentClock.SequenceProblem"/>), a reason is
/// required, and the audit keeps each old and new value, so the statutory figures can be traced back.
/// </summary>
public sealed class CorrectModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    public EhcNeedsAssessment Assessment { get; private set; } = null!;

    [BindProperty]
    public DateInput RequestedOn { get; set; } = new();

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public DateInput DraftSentOn { get; set; } = new();

    [BindProperty]
    public DateInput NoPlanOn { get; set; } = new();

    [BindProperty]
    public DateInput FinalPlanOn { get; set; } = new();

    [BindProperty]
    public bool RemoveLastStep { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The step recorded last, which alone may be removed so the steps before it still stand; null for a bare request.</summary>
    public string? LastStep => Assessment switch
    {
        { FinalPlanOn: not null } => nameof(EhcNeedsAssessment.FinalPlanOn),
        { NoPlanOn: not null } => nameof(EhcNeedsAssessment.NoPlanOn),
        { DraftSentOn: not null } => nameof(EhcNeedsAssessment.DraftSentOn),
        { DecidedOn: not null } => nameof(EhcNeedsAssessment.DecidedOn),
        _ => null,
    };

    public static string StepName(string field) => field switch
    {
        nameof(EhcNeedsAssessment.RequestedOn) => "the request",
        nameof(EhcNeedsAssessment.DecidedOn) => "the decision to assess",
        nameof(EhcNeedsAssessment.DraftSentOn) => "the draft plan",
        nameof(EhcNeedsAssessment.NoPlanOn) => "the decision not to issue a plan",
        _ => "the final plan",
    };

    public IReadOnlyList<ChoiceOption> DecisionOptions => SendText.DecisionOptions(Decision);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid aid)
    {
        if (await LoadAsync(id, aid) is IActionResult refused)
        {
            return refused;
        }

        RequestedOn = DateInput.From(Assessment.RequestedOn);
        DecidedOn = DateInput.From(Assessment.DecidedOn);
        Decision = Assessment.Decision?.ToString();
        DraftSentOn = DateInput.From(Assessment.DraftSentOn);
        NoPlanOn = DateInput.From(Assessment.NoPlanOn);
        FinalPlanOn = DateInput.From(Assessment.FinalPlanOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid aid)
    {
        if (await LoadAsync(id, aid) is IActionResult refused)
        {
            return refused;
        }

        var a = Assessment;
        var requested = RequestedOn.Parse(ModelState, nameof(RequestedOn), "the date of the request");

        // Only the dates already recorded are on the form; each stays required unless it is the last step, being removed.
        DateOnly? Recorded(DateOnly? was, DateInput input, string field, string label) =>
            was is null || (RemoveLastStep && LastStep == field) ? null : input.Parse(ModelState, field, label);

        var decided = Recorded(a.DecidedOn, DecidedOn, nameof(DecidedOn), "the date of the decision");
        var draft = Recorded(a.DraftSentOn, DraftSentOn, nameof(DraftSentOn), "the date the draft was sent");
        var noPlan = Recorded(a.NoPlanOn, NoPlanOn, nameof(NoPlanOn), "the date of the decision not to issue a plan");
        var final = Recorded(a.FinalPlanOn, FinalPlanOn, nameof(FinalPlanOn), "the date the final plan was issued");
        AssessmentDecision? decision = null;
        if (decided is not null)
        {
            decision = SendText.ParseDecision(Decision);
            if (decision is null)
            {
                ModelState.AddModelError(nameof(Decision), "Select whether the LA will assess");
            }
        }

        if (RemoveLastStep && LastStep is null)
        {
            ModelState.AddModelError(nameof(RemoveLastStep), "Only the request is recorded: there is no step to remove");
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the record is being corrected");
        }
        else if (reason.Length > SendLimits.Text)
        {
            ModelState.AddModelError(nameof(Reason), $"Why must be {SendLimits.Text:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var corrected = new NeedsAssessmentDates(requested!.Value, decided, decision, draft, final, noPlan, a.Exception);
        if (NeedsAssessmentClock.SequenceProblem(corrected, TodayDate) is var (field, message))
        {
            ModelState.AddModelError(field, message);
            return Page();
        }

        var was = a.Dates();
        var changes = new List<string>();
        void Note(string name, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add($"{name} {Show(before)} -> {Show(after)}");
            }
        }

        Note("requested", was.RequestedOn, corrected.RequestedOn);
        Note("decided", was.DecidedOn, corrected.DecidedOn);
        Note("decision", was.Decision, corrected.Decision);
        Note("draft", was.DraftSentOn, corrected.DraftSentOn);
        Note("no plan", was.NoPlanOn, corrected.NoPlanOn);
        Note("final plan", was.FinalPlanOn, corrected.FinalPlanOn);
        if (changes.Count == 0)
        {
            ModelState.AddModelError(nameof(RequestedOn), "Change a date, the decision, or remove the last step: nothing was changed");
            return Page();
        }

        var tracked = await Db.EhcNeedsAssessments.SingleAsync(x => x.Id == aid);
        if (was.FinalPlanOn is DateOnly wasFinal && corrected.FinalPlanOn != wasFinal)
        {
            await (corrected.FinalPlanOn is DateOnly nowFinal
                ? PlanOnRecord.MoveAsync(Db, tracked.ChildId, wasFinal, nowFinal)
                : PlanOnRecord.RemoveAsync(Db, tracked.ChildId, wasFinal));
        }

        tracked.RequestedOn = corrected.RequestedOn;
        tracked.DecidedOn = corrected.DecidedOn;
        tracked.Decision = corrected.Decision;
        tracked.DraftSentOn = corrected.DraftSentOn;
        tracked.NoPlanOn = corrected.NoPlanOn;
        tracked.FinalPlanOn = corrected.FinalPlanOn;
        tracked.UpdatedAtUtc = UtcNow;
        Auditor.Record(AuditActions.SendChanged, id, $"EHC needs assessment corrected: {string.Join("; ", changes)}. Why: {reason}");
        await Db.SaveChangesAsync();
        Flash("Corrected the needs assessment");
        return Redirect(ChildPath);
    }

    private static string Show(object? value) => value switch
    {
        null => "none",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };

    private async Task<IActionResult?> LoadAsync(Guid id, Guid aid)
    {
        if (await OpenAsync(id, "correct an assessment", record: true) is IActionResult refused)
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
