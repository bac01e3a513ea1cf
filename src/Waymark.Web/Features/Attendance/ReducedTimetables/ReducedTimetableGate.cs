using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>A child's reduced timetables as the current user may see them.</summary>
/// <param name="RecordingSchoolId">The user's school when they may record timetables for the child (staff of the child's current school).</param>
public sealed record ChildTimetableAccess(Child Child, int? RecordingSchoolId, bool HasSocialWorker, DateOnly Today)
{
    public bool CanRecord => RecordingSchoolId is not null;

    /// <summary>Reviews and the return to full time are recorded by the school that agreed the timetable, while it runs.</summary>
    public bool CanChange(ReducedTimetable t) => t.SchoolId == RecordingSchoolId && t.EndedOn is null;
}

/// <summary>
/// The way into every reduced-timetable page: the child must be one the user may open (<see cref="ChildGate"/>), or the
/// attempt is audited and refused. School staff of the child's current school record; LA
/// users and the child's social worker view.
/// </summary>
public sealed class ReducedTimetableGate(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
{
    /// <summary>The child's timetables as the user may see them, or the refusal to answer with (<see cref="ChildGate.RefuseAsync"/>).</summary>
    public async Task<(ChildTimetableAccess? Access, IActionResult? Refusal)> OpenAsync(Guid childId, string page, CancellationToken ct = default)
    {
        var today = clock.UkToday();
        var scope = currentUser.Scope;
        if (!await gate.MayOpenAsync(childId, ct))
        {
            return (null, await gate.RefuseAsync(childId, $"reduced timetables {page}", ct));
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, ct);

        var current = CurrentOn.KeyPerson(today);
        var hasSocialWorker = await db.KeyPeople.Where(current).AnyAsync(k => k.ChildId == childId && k.Role == KeyPersonRole.SocialWorker, ct);

        // Visible to a school user means on that school's roll today (ChildScoping), so they are the current school's staff.
        var recordingSchool = scope.DataScope == DataScope.School ? scope.SchoolId : null;
        await auditor.RecordNowAsync(AuditActions.ReducedTimetableViewed, childId, page, ct: ct);
        return (new ChildTimetableAccess(child, recordingSchool, hasSocialWorker, today), null);
    }

    /// <summary>Records that the user tried a change their role does not allow; the page answers 403.</summary>
    public Task RefuseAsync(Guid childId, string what, CancellationToken ct = default) =>
        auditor.RecordNowAsync(AuditActions.ChildRefused, childId, $"reduced timetables {what}: not permitted for {Roles.CommandName(currentUser.Role)}", ct: ct);
}
