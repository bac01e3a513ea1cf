using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Admin.Integrations;

/// <summary>An administrator revokes an integration's token: its next call is refused. It cannot be undone; register again instead.</summary>
public sealed class RevokeModel(WaymarkDbContext db, Auditor auditor, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public ApiIntegration Integration { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var integration = await db.ApiIntegrations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (integration is null)
        {
            return NotFound();
        }

        if (integration.IsRevoked)
        {
            return Redirect($"/admin/integrations/{id}");
        }

        Integration = integration;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var integration = await db.ApiIntegrations.SingleOrDefaultAsync(i => i.Id == id);
        if (integration is null)
        {
            return NotFound();
        }

        if (!integration.IsRevoked)
        {
            integration.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            integration.RevokedByUserId = currentUser.Id;
            auditor.Record(AuditActions.IntegrationRevoked, detail: $"{integration.Name}: token {integration.TokenPrefix}…");
            await db.SaveChangesAsync();
            Flash($"The token of {integration.Name} is revoked: its next call will be refused");
        }

        return Redirect($"/admin/integrations/{id}");
    }
}
