using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Kpis.Targets;

/// <summary>The LA's targets, one line per indicator (and phase), each with a link to set or change it.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser) : WaymarkPageModel
{
    public sealed record Line(Indicator Indicator, SchoolPhase? Phase, KpiTarget? Target);

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!KpiAccess.CanSetTargets(currentUser.Role))
        {
            return Forbid();
        }

        var targets = await db.KpiTargets.AsNoTracking().ToListAsync();
        Lines = Indicators.All
            .SelectMany(i => KpiPageModel.PhasesOf(i).Select(p => new Line(i, p, targets.FirstOrDefault(t => t.IndicatorCode == i.Code && t.Phase == p))))
            .ToList();
        return Page();
    }

    public static string LinkFor(Indicator indicator, SchoolPhase? phase) =>
        $"/kpis/targets/{indicator.Code}" + (phase is SchoolPhase p ? $"?phase={p.ToString().ToLowerInvariant()}" : "");
}
