using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Adulthood.Panels;

/// <summary>The panel's decision on one case and the actions agreed, who does them and by when.</summary>
public sealed class CaseModel(WaymarkDbContext db, AdulthoodGate gate, TimeProvider clock) : YoungPersonPageModel(gate)
{
    public JointPanelCase Case { get; private set; } = null!;

    public DateOnly MeetsOn { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Actions { get; set; }

    [BindProperty]
    public string? ActionsOwner { get; set; }

    [BindProperty]
    public DateInput ActionsDueOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int panelId, int caseId)
    {
        if (await OpenCaseAsync(panelId, caseId) is IActionResult refused)
        {
            return refused;
        }

        Decision = Case.Decision;
        Actions = Case.Actions;
        ActionsOwner = Case.ActionsOwner;
        ActionsDueOn = DateInput.From(Case.ActionsDueOn);
        await Gate.RecordNowAsync(AuditActions.PfaViewed, Case.ChildId, $"joint panel of {MeetsOn:yyyy-MM-dd} case");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int panelId, int caseId)
    {
        if (await OpenCaseAsync(panelId, caseId) is IActionResult refused)
        {
            return refused;
        }

        var decision = Clean(Decision);
        var actions = Clean(Actions);
        var owner = Clean(ActionsOwner);
        if (decision is null)
        {
            ModelState.AddModelError(nameof(Decision), "Enter the panel's decision");
        }
        else if (decision.Length > JointPanels.MaxTextLength)
        {
            ModelState.AddModelError(nameof(Decision), $"The decision must be {JointPanels.MaxTextLength:N0} characters or fewer");
        }

        if (actions is { Length: > JointPanels.MaxTextLength })
        {
            ModelState.AddModelError(nameof(Actions), $"The actions must be {JointPanels.MaxTextLength:N0} characters or fewer");
        }

        if (owner is { Length: > JointPanels.MaxNameLength })
        {
            ModelState.AddModelError(nameof(ActionsOwner), $"Who does the actions must be {JointPanels.MaxNameLength} characters or fewer");
        }

        var due = ActionsDueOn.Parse(ModelState, nameof(ActionsDueOn), "the date the actions are due", required: false);
        if (actions is not null && owner is null)
        {
            ModelState.AddModelError(nameof(ActionsOwner), "Enter who will do the actions");
        }

        if (actions is null && (owner is not null || due is not null))
        {
            ModelState.AddModelError(nameof(Actions), "Enter the actions agreed, or leave who and when blank");
        }

        if (due is DateOnly d && d < MeetsOn)
        {
            ModelState.AddModelError(nameof(ActionsDueOn), "The actions' due date must be on or after the panel's date");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.JointPanelCases.SingleAsync(c => c.Id == caseId);
        row.Decision = decision;
        row.Actions = actions;
        row.ActionsOwner = owner;
        row.ActionsDueOn = due;
        row.DecidedByUserId = Gate.UserId;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        Gate.Record(AuditActions.PfaChanged, row.ChildId, $"joint panel of {MeetsOn:yyyy-MM-dd}: decision recorded");
        await db.SaveChangesAsync();
        Flash("Decision recorded");
        return Redirect($"/adulthood/panels/{panelId}");
    }

    private async Task<IActionResult?> OpenCaseAsync(int panelId, int caseId)
    {
        var found = await db.JointPanelCases.AsNoTracking().Include(c => c.Panel).SingleOrDefaultAsync(c => c.Id == caseId && c.PanelId == panelId);
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        MeetsOn = found.Panel!.MeetsOn;
        return await OpenAsync(found.ChildId, $"joint panel case {caseId}", AdulthoodAccess.CanChangePanels);
    }
}
