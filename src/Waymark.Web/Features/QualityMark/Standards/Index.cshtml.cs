using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.QualityMark.Standards;

/// <summary>The LA's standards in order, retired ones last; LA administrators and officers may change them.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, QualityMarkGate gate) : WaymarkPageModel
{
    public IReadOnlyList<QualityMarkStandard> Standards { get; private set; } = [];

    public bool MayManage { get; private set; }

    public bool SeesEverySchool { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!QualityMarkRules.SeesEverySchool(currentUser.Role) && !QualityMarkRules.SeesOwnSchool(currentUser.Role))
        {
            await gate.RefuseAsync("the quality mark standards");
            return Forbid();
        }

        MayManage = QualityMarkRules.MayManage(currentUser.Role);
        SeesEverySchool = QualityMarkRules.SeesEverySchool(currentUser.Role);
        Standards = await db.QualityMarkStandards.AsNoTracking().OrderBy(s => s.RetiredAtUtc != null).ThenBy(s => s.Position).ToListAsync();
        return Page();
    }
}
