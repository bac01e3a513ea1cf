using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.LinkCalls;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>
/// Base for the pages about one school's link with the LA. The LA's officers (<see cref="LinkCallAccess.CanRecord"/>)
/// open any school; a school's own staff open their school's, read only; anyone else, or a school user at another
/// school, is refused (403, audited). An unknown URN is a 404.
/// </summary>
public abstract class LinkSchoolPageModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    protected CurrentUser CurrentUser => currentUser;

    protected Auditor Auditor => auditor;

    public School School { get; private set; } = null!;

    /// <summary>The school's link, or null when no officer is linked to it yet.</summary>
    public LinkedSchool? Link { get; private set; }

    public bool CanRecord { get; private set; }

    public bool CanAssign { get; private set; }

    public DateOnly TodayDate { get; private set; }

    protected DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public string SchoolPath => $"/link-calls/schools/{School.Urn}";

    /// <summary>Null when the user may go on; otherwise the answer. <paramref name="record"/>: the page changes something, so only the LA's officers.</summary>
    protected async Task<IActionResult?> OpenAsync(int urn, string page, bool record = false)
    {
        TodayDate = Today(clock);
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn);
        if (school is null)
        {
            return NotFound();
        }

        CanRecord = LinkCallAccess.CanRecord(currentUser.Role);
        CanAssign = LinkCallAccess.CanAssign(currentUser.Role);
        var ownSchool = LinkCallAccess.CanSeeOwnSchool(currentUser.Role) && currentUser.SchoolId == school.Id;
        if (!(CanRecord || ownSchool) || (record && !CanRecord))
        {
            await auditor.RecordNowAsync(AuditActions.LinkSchoolViewed, detail: $"refused: {page} for school {urn}");
            return Forbid();
        }

        School = school;
        Link = await db.LinkedSchools.AsNoTracking().Include(l => l.Officer).SingleOrDefaultAsync(l => l.SchoolId == school.Id);
        return null;
    }

    /// <summary>The day of the school's last fortnightly call, or null.</summary>
    protected Task<DateOnly?> LastCallOnAsync() =>
        db.LinkContacts.AsNoTracking().Where(c => c.SchoolId == School.Id && c.Kind == LinkContactKind.FortnightlyCall).MaxAsync(c => (DateOnly?)c.HeldOn);
}
