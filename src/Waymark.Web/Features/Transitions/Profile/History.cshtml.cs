using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;

namespace Waymark.Web.Features.Transitions.Profile;

/// <summary>Who changed what in the profile, and when. Changes to restricted sections are left out for those who may not see them.</summary>
public sealed class HistoryModel(WaymarkDbContext db, TransitionGate gate) : TransitionPageModel(gate)
{
    public IReadOnlyList<ProfileSectionChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "profile history", r => r.SeePlanning) is IActionResult refused)
        {
            return refused;
        }

        var query = db.ProfileSectionChanges.AsNoTracking().Include(c => c.ChangedBy).Where(c => c.TransitionId == id);
        if (!View.Rights.SeeRestricted)
        {
            query = query.Where(c => c.SharingAtChange == SharingLevel.Shareable);
        }

        Changes = await query.OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id).Take(500).ToListAsync();
        return Page();
    }
}
