using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Overview;

/// <summary>An LA officer confirms a proposed child in the cohort, or removes them, always with a reason.</summary>
public sealed class DecisionModel(WaymarkDbContext db, TransitionGate gate, TransitionSharing sharing, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : TransitionPageModel(gate)
{
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<ChoiceOption> Options =>
    [
        new("confirm", "Confirm in the cohort", Decision == "confirm", "The child takes part in the programme"),
        new("remove", "Remove from the cohort", Decision == "remove", "For example the family declined, or the child has moved away. Anything shared with a secondary school stops being shared."),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "decision", r => r.DecideCohort) is IActionResult refused)
        {
            return refused;
        }

        Decision = View.Transition.Decision switch { CohortDecision.Confirmed => "confirm", CohortDecision.Removed => "remove", _ => null };
        Reason = View.Transition.DecisionReason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "decision", r => r.DecideCohort, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        Reason = Reason?.Trim();
        var decision = Decision switch { "confirm" => CohortDecision.Confirmed, "remove" => CohortDecision.Removed, _ => (CohortDecision?)null };
        if (decision is null)
        {
            ModelState.AddModelError(nameof(Decision), "Select whether to confirm or remove the child");
        }

        if (string.IsNullOrEmpty(Reason))
        {
            ModelState.AddModelError(nameof(Reason), decision == CohortDecision.Removed ? "Enter why the child is being removed" : "Enter the reason for the decision");
        }
        else if (Reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 1,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var t = View.Transition;
        await using var tx = await db.Database.BeginTransactionAsync();
        t.Decision = decision!.Value;
        t.DecisionReason = Reason;
        t.DecidedByUserId = currentUser.Id;
        t.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        auditor.Record(AuditActions.TransitionChanged, t.ChildId, $"{(decision == CohortDecision.Confirmed ? "Confirmed in" : "Removed from")} the cohort: {Reason}");
        await db.SaveChangesAsync();
        await sharing.SyncAsync(t);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        Flash(decision == CohortDecision.Confirmed ? $"{ChildName} is confirmed in the cohort" : $"{ChildName} has been removed from the cohort");
        return Redirect($"/transition/{id}");
    }
}
