using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Attendance.Suspensions;

/// <summary>
/// Base for the pages about a child's suspensions: opens the child only if the user may (<see cref="ChildGate"/>,
/// which audits and answers a refusal) and audits every view. School leaders of the child's current
/// school record; LA users and the child's social worker see (rules in <see cref="SuspensionAccess"/>).
/// </summary>
public abstract class SuspensionPageModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    protected CurrentUser CurrentUser => currentUser;

    protected Auditor Auditor => auditor;

    protected TimeProvider Clock => clock;

    public Child Child { get; private set; } = null!;

    public DateOnly TodayDate { get; private set; }

    public string ChildName => Child.KnownAsName;

    /// <summary>A school leader at the child's current school: records new suspensions there.</summary>
    public bool CanRecord { get; private set; }

    /// <summary>Null when the user may go on; otherwise 404 (child unknown or out of scope) or 403 when <paramref name="write"/> is refused.</summary>
    protected async Task<IActionResult?> OpenChildAsync(Guid id, string page, bool write = false)
    {
        TodayDate = Today(clock);

        // An LA user never records a suspension, so no reason should be asked for to reach the form; the refusal
        // does not tell them anything they could not find by UPN.
        if (write && !SuspensionAccess.CanRecord(currentUser.Role) && NeedToKnow.CanBreakGlass(currentUser.Role)
            && await db.Children.AnyAsync(c => c.Id == id))
        {
            await auditor.RecordNowAsync(AuditActions.ChildRefused, id, $"suspensions {page}: not permitted for {Roles.CommandName(currentUser.Role)}");
            return Forbid();
        }

        if (!await gate.MayOpenAsync(id))
        {
            return await gate.RefuseAsync(id, $"suspensions {page}");
        }

        Child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id);
        CanRecord = SuspensionAccess.CanRecord(currentUser.Role) && currentUser.SchoolId is int schoolId
            && await db.Enrolments.Where(CurrentOn.Enrolment(TodayDate)).AnyAsync(e => e.ChildId == id && e.SchoolId == schoolId);
        if (write && !CanRecord)
        {
            return await RefuseAsync(page);
        }

        await auditor.RecordNowAsync(AuditActions.SuspensionsViewed, id, page);
        return null;
    }

    protected async Task<IActionResult> RefuseAsync(string what)
    {
        await auditor.RecordNowAsync(AuditActions.ChildRefused, Child.Id, $"suspensions {what}: not permitted for {Roles.CommandName(currentUser.Role)}");
        return Forbid();
    }
}
