using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Programme.Interventions;

public sealed class EditModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor) : InterventionFormModel(db, currentUser)
{
    public Intervention Intervention { get; private set; } = null!;

    public int ChildrenEnrolled { get; private set; }

    /// <summary>"active" or "withdrawn": whether new enrolments may choose it.</summary>
    [BindProperty]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int interventionId)
    {
        if (!await LoadAsync(interventionId))
        {
            return NotFound();
        }

        Name = Intervention.Name;
        Description = Intervention.Description;
        DefaultProvider = Intervention.DefaultProvider;
        OutcomeMeasure = Intervention.OutcomeMeasure;
        Status = Intervention.IsActive ? "active" : "withdrawn";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int interventionId)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(interventionId))
        {
            return NotFound();
        }

        var valid = await ValidateAsync(interventionId);
        if (Status is not ("active" or "withdrawn"))
        {
            ModelState.AddModelError(nameof(Status), "Select whether children can be enrolled on it");
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var changes = new List<string>();
        var intervention = await Db.Interventions.SingleAsync(i => i.Id == interventionId);
        if (intervention.Name != Name)
        {
            changes.Add($"renamed from {intervention.Name}");
        }

        var active = Status == "active";
        if (intervention.IsActive != active)
        {
            changes.Add(active ? "back in use" : "withdrawn");
        }

        intervention.Name = Name!;
        intervention.Description = Description;
        intervention.DefaultProvider = DefaultProvider;
        intervention.OutcomeMeasure = OutcomeMeasure;
        intervention.IsActive = active;
        auditor.Record(AuditActions.ProgrammeChanged,
            detail: $"Intervention changed: {Name}{(changes.Count == 0 ? "" : "; " + string.Join("; ", changes))}");
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            NameTaken();
            return Page();
        }

        Flash(active ? $"{Name} saved" : $"{Name} withdrawn: it can no longer be chosen for new enrolments");
        return Redirect("/transition/interventions");
    }

    private async Task<bool> LoadAsync(int interventionId)
    {
        var intervention = await Db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null)
        {
            return false;
        }

        Intervention = intervention;
        ChildrenEnrolled = await Db.InterventionEnrolments.Where(e => e.InterventionId == interventionId)
            .Select(e => e.ChildId).Distinct().CountAsync();
        return true;
    }
}
