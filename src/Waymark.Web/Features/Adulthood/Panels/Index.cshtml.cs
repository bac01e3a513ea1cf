using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Adulthood.Panels;

public sealed record PanelRow(int Id, DateOnly MeetsOn, IReadOnlyList<PanelAgency> Agencies, int Cases, int Decided);

/// <summary>Joint panels for complex cases, newest first, and a form to arrange one (PfA workers and LA officers).</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public IReadOnlyList<PanelRow> Panels { get; private set; } = [];

    public bool CanChange { get; private set; }

    [BindProperty]
    public DateInput MeetsOn { get; set; } = new();

    [BindProperty]
    public List<string> Agencies { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!AdulthoodAccess.CanViewPanels(currentUser.Role))
        {
            return Forbid();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!AdulthoodAccess.CanChangePanels(currentUser.Role))
        {
            return Forbid();
        }

        var today = clock.UkToday();
        var meetsOn = MeetsOn.Parse(ModelState, nameof(MeetsOn), "the date of the panel");
        if (meetsOn is DateOnly d && d < today.AddYears(-1))
        {
            ModelState.AddModelError(nameof(MeetsOn), "The date of the panel must be within the last year or in the future");
        }

        var agencies = new List<PanelAgency>();
        foreach (var a in Agencies)
        {
            if (Enum.TryParse<PanelAgency>(a, out var agency) && Enum.IsDefined(agency))
            {
                agencies.Add(agency);
            }
            else
            {
                ModelState.AddModelError(nameof(Agencies), "Select agencies from the list");
            }
        }

        if (ErrorFor(nameof(Agencies)) is null && JointPanels.AgenciesProblem(agencies) is string problem)
        {
            ModelState.AddModelError(nameof(Agencies), problem);
        }

        if (meetsOn is DateOnly day && await db.JointPanels.AnyAsync(p => p.MeetsOn == day))
        {
            ModelState.AddModelError(nameof(MeetsOn), $"A joint panel on {day:d MMMM yyyy} is already arranged: list cases for it instead");
        }

        if (!ModelState.IsValid)
        {
            CanChange = true;
            await LoadAsync();
            return Page();
        }

        var panel = new JointPanel
        {
            MeetsOn = meetsOn!.Value, Agencies = JointPanels.Join(agencies), CreatedByUserId = currentUser.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.JointPanels.Add(panel);
        auditor.Record(AuditActions.JointPanelChanged, null, $"joint panel of {panel.MeetsOn:yyyy-MM-dd} arranged: {panel.Agencies}");
        await db.SaveChangesAsync();
        Flash($"Joint panel of {panel.MeetsOn:d MMMM yyyy} arranged");
        return Redirect($"/adulthood/panels/{panel.Id}");
    }

    private async Task LoadAsync()
    {
        CanChange = AdulthoodAccess.CanChangePanels(currentUser.Role);
        var rows = await db.JointPanels.AsNoTracking().OrderByDescending(p => p.MeetsOn)
            .Select(p => new { p.Id, p.MeetsOn, p.Agencies, Cases = p.Cases.Count, Decided = p.Cases.Count(c => c.Decision != null) })
            .Take(100)
            .ToListAsync();
        Panels = rows.Select(p => new PanelRow(p.Id, p.MeetsOn, JointPanels.Split(p.Agencies), p.Cases, p.Decided)).ToList();
    }

    public IReadOnlyList<ChoiceOption> AgencyOptions => JointPanels.Agencies
        .Select(a => new ChoiceOption(a.ToString(), JointPanels.DisplayName(a), Agencies.Contains(a.ToString())))
        .ToList();
}
