using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Transitions.Interventions;

/// <summary>One of the child's enrolments: sessions attended and outcome scores are kept up to date here.</summary>
public sealed class EnrolmentModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor) : EnrolmentPageModel(db, gate)
{
    public InterventionEnrolment Enrolment { get; private set; } = null!;

    /// <summary>After minus before, as saved.</summary>
    public int? Change => Waymark.Domain.Transitions.Interventions.ScoreChange(Enrolment.ScoreBefore, Enrolment.ScoreAfter);

    public async Task<IActionResult> OnGetAsync(Guid id, int enrolmentId)
    {
        if (await OpenAsync(id, "intervention enrolment", r => r.SeePlanning) is IActionResult refused)
        {
            return refused;
        }

        if (!await LoadAsync(enrolmentId))
        {
            return NotFound();
        }

        Fill(Enrolment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int enrolmentId)
    {
        if (await OpenAsync(id, "intervention enrolment", r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        if (!await LoadAsync(enrolmentId))
        {
            return NotFound();
        }

        if (await ReadAsync() is not EnrolmentValues values)
        {
            return Page();
        }

        var enrolment = await Db.InterventionEnrolments.SingleAsync(e => e.Id == enrolmentId);
        Apply(enrolment, values);
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, $"Intervention enrolment changed: {values.Intervention.Name}");
        await Db.SaveChangesAsync();
        Flash($"{values.Intervention.Name} saved");
        return Redirect($"/transition/{id}#interventions");
    }

    /// <summary>The enrolment, only if it is this transition's child's: an id from another child is not found.</summary>
    private async Task<bool> LoadAsync(int enrolmentId)
    {
        var enrolment = await Db.InterventionEnrolments.AsNoTracking().Include(e => e.Intervention)
            .SingleOrDefaultAsync(e => e.Id == enrolmentId && e.ChildId == View.Transition.ChildId);
        if (enrolment is null)
        {
            return false;
        }

        Enrolment = enrolment;
        await LoadChoicesAsync(enrolment.InterventionId);
        return true;
    }
}
