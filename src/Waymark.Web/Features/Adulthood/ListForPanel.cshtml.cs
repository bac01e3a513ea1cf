using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Adulthood;

/// <summary>Lists a young person for a joint panel that has not yet met, with why.</summary>
public sealed class ListForPanelModel(WaymarkDbContext db, AdulthoodGate gate, TimeProvider clock) : YoungPersonPageModel(gate)
{
    public IReadOnlyList<(int Id, DateOnly MeetsOn)> Panels { get; private set; } = [];

    [BindProperty]
    public string? PanelId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenListAsync(id) is IActionResult refused)
        {
            return refused;
        }

        await Gate.RecordNowAsync(AuditActions.PfaViewed, id, "list for a joint panel");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenListAsync(id) is IActionResult refused)
        {
            return refused;
        }

        var panelId = int.TryParse(PanelId, out var p) && Panels.Any(x => x.Id == p) ? p : (int?)null;
        if (panelId is null)
        {
            ModelState.AddModelError(nameof(PanelId), "Select a joint panel that has not yet met");
        }
        else if (await db.JointPanelCases.AnyAsync(c => c.PanelId == panelId && c.ChildId == id))
        {
            ModelState.AddModelError(nameof(PanelId), $"{ChildName} is already listed for that panel");
        }

        var reason = Clean(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the young person is listed: what the panel is asked to decide");
        }
        else if (reason.Length > JointPanels.MaxTextLength)
        {
            ModelState.AddModelError(nameof(Reason), $"The reason must be {JointPanels.MaxTextLength:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.JointPanelCases.Add(new JointPanelCase
        {
            PanelId = panelId!.Value, ChildId = id, Reason = reason!, ListedByUserId = Gate.UserId, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        var meetsOn = Panels.Single(x => x.Id == panelId).MeetsOn;
        Gate.Record(AuditActions.PfaChanged, id, $"listed for the joint panel of {meetsOn:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        Flash($"Listed for the joint panel of {meetsOn:d MMMM yyyy}");
        return Redirect(ChecklistPath);
    }

    private async Task<IActionResult?> OpenListAsync(Guid id)
    {
        if (await OpenAsync(id, "list for a joint panel", AdulthoodAccess.CanChangePanels) is IActionResult refused)
        {
            return refused;
        }

        if (!Person.InPfaYears)
        {
            await Gate.RefuseAsync(id, "list for a joint panel outside the preparing for adulthood years");
            return Forbid();
        }

        var today = Person.Today;
        Panels = (await db.JointPanels.AsNoTracking().Where(x => x.MeetsOn >= today).OrderBy(x => x.MeetsOn).Select(x => new { x.Id, x.MeetsOn }).ToListAsync())
            .Select(x => (x.Id, x.MeetsOn)).ToList();
        return null;
    }

    public IReadOnlyList<ChoiceOption> PanelOptions => Panels
        .Select(x => new ChoiceOption(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.MeetsOn.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
            PanelId == x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}
