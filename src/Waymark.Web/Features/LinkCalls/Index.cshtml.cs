using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.LinkCalls;
using Waymark.Domain.LinkCalls;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>
/// The Link Co-ordinator's worklist: their schools with the next call and the termly meeting due (overdue first), and the
/// actions agreed with them still open. "All officers" shows every linked school, and the open schools no officer is
/// linked to. A school's own staff go to their school's page.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    public bool AllOfficers => Officer == "all";

    public IReadOnlyList<LinkSchoolRow> Schools { get; private set; } = [];

    public IReadOnlyList<OpenLinkAction> Actions { get; private set; } = [];

    public IReadOnlyList<(int Urn, string Name)> Unlinked { get; private set; } = [];

    public bool CanAssign { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var role = currentUser.Role;
        if (LinkCallAccess.CanSeeOwnSchool(role) && currentUser.SchoolId is int own)
        {
            var urn = await db.Schools.AsNoTracking().Where(s => s.Id == own).Select(s => (int?)s.Urn).SingleOrDefaultAsync(ct);
            return urn is int u ? Redirect($"/link-calls/schools/{u}") : NotFound();
        }

        if (!LinkCallAccess.CanRecord(role))
        {
            await auditor.RecordNowAsync(AuditActions.LinkSchoolViewed, detail: "refused: the Link Co-ordinator worklist", ct: ct);
            return Forbid();
        }

        var today = Today(clock);
        CanAssign = LinkCallAccess.CanAssign(role);
        if (Officer is null && !await db.LinkedSchools.AnyAsync(l => l.OfficerUserId == currentUser.Id, ct))
        {
            Officer = "all";
        }

        var officerId = AllOfficers ? null : currentUser.Id;
        Schools = await LinkWorklist.SchoolsAsync(db, officerId, today, ct: ct);
        Actions = await LinkWorklist.OpenActionsAsync(db, officerId, null, today, ct);
        if (AllOfficers)
        {
            var unlinked = await db.Schools.AsNoTracking().Where(s => s.IsOpen && !db.LinkedSchools.Any(l => l.SchoolId == s.Id))
                .OrderBy(s => s.Name).Select(s => new { s.Urn, s.Name }).ToListAsync(ct);
            Unlinked = unlinked.Select(s => (s.Urn, s.Name)).ToList();
        }

        return Page();
    }
}
