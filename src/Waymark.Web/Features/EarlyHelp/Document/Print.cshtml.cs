using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.EarlyHelp.Document;

/// <summary>The whole plan on one page to print: the service's header, navigation and footer are left off on paper.</summary>
public sealed class PrintModel(WaymarkDbContext db, EarlyHelpGate gate, Auditor auditor) : PlanPageModel(gate)
{
    public PlanDocument Doc { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "printable plan") is IActionResult refused)
        {
            return refused;
        }

        Doc = await PlanDocument.LoadAsync(db, View);
        Doc.Audit(auditor, "printable plan opened");
        await db.SaveChangesAsync();
        return Page();
    }
}
