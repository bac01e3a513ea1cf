using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Interventions;

/// <summary>Enrols a child on one of the interventions in use.</summary>
public sealed class NewModel(WaymarkDbContext db, TransitionGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : EnrolmentPageModel(db, gate)
{
    /// <summary>Null while the child may be enrolled.</summary>
    public string? WhyNot => View.Transition.Decision == CohortDecision.Removed
        ? "The child was removed from the transition programme, so they cannot be enrolled on an intervention."
        : null;

    /// <param name="intervention">Chosen in advance, e.g. from a link, so its usual provider is filled in.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, int? intervention)
    {
        if (await OpenAsync(id, "intervention enrolment", r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        await LoadChoicesAsync();
        SessionsAttended = "0";
        if (Choices.FirstOrDefault(i => i.Id == intervention) is Intervention chosen)
        {
            InterventionId = chosen.Id;
            Provider = chosen.DefaultProvider;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "intervention enrolment", r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        await LoadChoicesAsync();
        if (WhyNot is string why)
        {
            ModelState.AddModelError("", why);
            return Page();
        }

        if (await ReadAsync() is not EnrolmentValues values)
        {
            return Page();
        }

        var enrolment = new InterventionEnrolment
        {
            ChildId = View.Transition.ChildId, Provider = values.Provider, CreatedByUserId = currentUser.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        Apply(enrolment, values);
        Db.InterventionEnrolments.Add(enrolment);
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, $"Enrolled on intervention: {values.Intervention.Name}");
        await Db.SaveChangesAsync();
        Flash($"Enrolled on {values.Intervention.Name}");
        return Redirect($"/transition/{id}#interventions");
    }
}
