using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.QualityMark;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.QualityMark;

/// <summary>Where the menu takes a school's staff: their own school's quality mark. LA-wide users go to every school's.</summary>
public sealed class OurSchoolModel(WaymarkDbContext db, CurrentUser currentUser, QualityMarkGate gate) : WaymarkPageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (QualityMarkRules.SeesEverySchool(currentUser.Role))
        {
            return Redirect("/quality-mark");
        }

        var urn = QualityMarkRules.SeesOwnSchool(currentUser.Role) && currentUser.SchoolId is int id
            ? await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.Urn).SingleOrDefaultAsync()
            : null;
        if (urn is null)
        {
            await gate.RefuseAsync("the quality mark");
            return Forbid();
        }

        return Redirect($"/schools/{urn}/quality-mark");
    }
}
