using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Adulthood.Panels;

public sealed record CaseRow(int Id, Guid ChildId, string Name, DateOnly DateOfBirth, string Reason, string? Decision, string? Actions,
    string? ActionsOwner, DateOnly? ActionsDueOn);

/// <summary>
/// One joint panel: the agencies present and the cases listed for its date, with decisions and actions. Only the young
/// people the user may open are named (each read audited); the others are counted.
/// </summary>
public sealed class PanelModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public JointPanel Panel { get; private set; } = null!;

    public IReadOnlyList<PanelAgency> Agencies { get; private set; } = [];

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public int HiddenCases { get; private set; }

    public bool CanChange { get; private set; }

    public DateOnly TodayDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!AdulthoodAccess.CanViewPanels(currentUser.Role))
        {
            return Forbid();
        }

        var panel = await db.JointPanels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (panel is null)
        {
            return NotFound();
        }

        Panel = panel;
        Agencies = JointPanels.Split(panel.Agencies);
        TodayDate = clock.UkToday();
        CanChange = AdulthoodAccess.CanChangePanels(currentUser.Role);
        var visible = db.Children.VisibleTo(db, currentUser.Scope, TodayDate).Select(c => c.Id);
        Cases = await db.JointPanelCases.AsNoTracking().Where(c => c.PanelId == id && visible.Contains(c.ChildId))
            .OrderBy(c => c.Child!.LegalSurname).ThenBy(c => c.Child!.LegalForename)
            .Select(c => new CaseRow(c.Id, c.ChildId, (c.Child!.PreferredForename ?? c.Child.LegalForename) + " " + (c.Child.PreferredSurname ?? c.Child.LegalSurname),
                c.Child.DateOfBirth, c.Reason, c.Decision, c.Actions, c.ActionsOwner, c.ActionsDueOn))
            .ToListAsync();
        HiddenCases = await db.JointPanelCases.CountAsync(c => c.PanelId == id) - Cases.Count;
        foreach (var c in Cases)
        {
            auditor.Record(AuditActions.PfaViewed, c.ChildId, $"joint panel of {panel.MeetsOn:yyyy-MM-dd}");
        }

        await db.SaveChangesAsync();
        return Page();
    }
}
