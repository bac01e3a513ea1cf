using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Send;

/// <summary>A child's EHC pathway: the clock, every assessment, the annual reviews and the transfers.</summary>
public sealed class ChildModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "summary") is IActionResult refused)
        {
            return refused;
        }

        await Auditor.RecordNowAsync(AuditActions.SendViewed, id);
        return Page();
    }
}
