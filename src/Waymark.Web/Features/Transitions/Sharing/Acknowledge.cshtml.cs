using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Shares;

/// <summary>The receiving school's Transition Lead or SENCo confirms the passport has reached them.</summary>
public sealed class AcknowledgeModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
    : TransitionPageModel(gate)
{
    public IActionResult OnGet()
    {
        Response.Headers.Allow = "POST";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "acknowledge receipt", r => r.Acknowledge) is IActionResult refused)
        {
            return refused;
        }

        var share = await db.InformationShares.Include(s => s.RecipientSchool)
            .SingleOrDefaultAsync(s => s.TransitionId == id && s.EndedAtUtc == null && s.RecipientSchoolId == currentUser.SchoolId);
        if (share is null)
        {
            // The rights say a share is in force; it ended between the check and now.
            return NotFound();
        }

        if (share.AcknowledgedAtUtc is null)
        {
            share.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
            share.AcknowledgedByUserId = currentUser.Id;
            auditor.Record(AuditActions.ShareAcknowledged, share.ChildId, $"{share.What} received by {share.RecipientSchool!.Name}");
            await db.SaveChangesAsync();
            Flash("Receipt of the Transition Passport acknowledged");
        }
        else
        {
            Flash("Receipt was already acknowledged");
        }

        return Redirect($"/transition/{id}");
    }
}
