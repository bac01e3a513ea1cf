using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.Admin.Integrations;

/// <summary>One integration: what it acts as and may read, its token's prefix, last day and last use, and who registered or revoked it.</summary>
public sealed class IntegrationModel(WaymarkDbContext db, TimeProvider clock) : WaymarkPageModel
{
    public ApiIntegration Integration { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    public int Calls { get; private set; }

    public string ActorId => IntegrationActors.ActorId(Integration.Id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var integration = await db.ApiIntegrations.AsNoTracking().Include(i => i.School).Include(i => i.CreatedBy).Include(i => i.RevokedBy)
            .SingleOrDefaultAsync(i => i.Id == id);
        if (integration is null)
        {
            return NotFound();
        }

        Integration = integration;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var actor = IntegrationActors.ActorId(id);
        Calls = await db.AuditEvents.CountAsync(a => a.UserId == actor && a.Action == AuditActions.ApiCall);
        return Page();
    }
}
