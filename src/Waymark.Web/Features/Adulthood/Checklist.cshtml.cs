using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;

namespace Waymark.Web.Features.Adulthood;

/// <summary>A joint panel case as the young person's page lists it.</summary>
public sealed record PanelCaseRow(int PanelId, DateOnly MeetsOn, string Reason, string? Decision, string? Actions, string? ActionsOwner, DateOnly? ActionsDueOn);

/// <summary>A young person's preparing for adulthood checklist, their joint panel cases and a way to their care leaver details.</summary>
public sealed class ChecklistModel(WaymarkDbContext db, AdulthoodGate gate) : YoungPersonPageModel(gate)
{
    public IReadOnlyList<ChecklistRow> Rows { get; private set; } = [];

    public int CompletionPercent { get; private set; }

    public bool CanChange { get; private set; }

    public bool CanSeeCareLeaver { get; private set; }

    public bool CanSeePanels { get; private set; }

    public Waymark.Domain.People.Role UserRole => Gate.Role;

    public IReadOnlyList<PanelCaseRow> PanelCases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "checklist") is IActionResult refused)
        {
            return refused;
        }

        var saved = await db.PfaChecklistItems.AsNoTracking().Where(i => i.ChildId == id).ToListAsync();
        Rows = ChecklistRow.For(Child.DateOfBirth, saved, Person.Today);
        CompletionPercent = PfaChecklist.CompletionPercent(Rows.Select(r => r.Status));
        CanChange = AdulthoodAccess.CanChangeChecklist(Gate.Role) && Person.InPfaYears;
        CanSeeCareLeaver = AdulthoodAccess.CanViewCareLeaver(Gate.Role)
            && (Person.IsCareLeaver || await db.CareLeaverDetails.AnyAsync(d => d.ChildId == id));
        CanSeePanels = AdulthoodAccess.CanViewPanels(Gate.Role);
        if (CanSeePanels)
        {
            PanelCases = await db.JointPanelCases.AsNoTracking().Where(c => c.ChildId == id)
                .OrderByDescending(c => c.Panel!.MeetsOn)
                .Select(c => new PanelCaseRow(c.PanelId, c.Panel!.MeetsOn, c.Reason, c.Decision, c.Actions, c.ActionsOwner, c.ActionsDueOn))
                .ToListAsync();
        }

        await Gate.RecordNowAsync(AuditActions.PfaViewed, id, "checklist");
        return Page();
    }
}
