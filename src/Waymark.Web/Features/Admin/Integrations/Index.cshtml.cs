using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.Admin.Integrations;

/// <summary>Every integration registered for the API: what it acts as, what it may read, until when, and its last use.</summary>
public sealed class IndexModel(WaymarkDbContext db, TimeProvider clock) : WaymarkPageModel
{
    public IReadOnlyList<ApiIntegration> Integrations { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Integrations = (await db.ApiIntegrations.AsNoTracking().Include(i => i.School).ToListAsync())
            .OrderBy(i => i.IsRevoked).ThenBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
