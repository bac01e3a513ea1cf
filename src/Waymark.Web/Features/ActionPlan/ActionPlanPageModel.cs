using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.ActionPlan;

/// <summary>
/// The strategy action plan's pages share who may read and who may edit; a refusal is put on the audit record, as
/// refusals of a child's record are, so the LA can see who tried.
/// </summary>
public abstract class ActionPlanPageModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    protected CurrentUser Viewer => currentUser;

    protected Auditor Auditor => auditor;

    public bool CanEdit => ActionPlanRules.CanEdit(currentUser.Role);

    /// <summary>Null if the user may go on; otherwise the audited 403.</summary>
    protected async Task<IActionResult?> RefuseUnlessAsync(bool edit, string page)
    {
        if (edit ? ActionPlanRules.CanEdit(currentUser.Role) : ActionPlanRules.CanRead(currentUser.Role))
        {
            return null;
        }

        await auditor.RecordNowAsync(AuditActions.ActionPlanRefused,
            detail: $"{page}: {(edit ? "changing" : "reading")} the action plan is not permitted for {Roles.CommandName(currentUser.Role)}");
        return Forbid();
    }

    /// <summary>The reporting line as set, or the seed's (§36–37) until someone sets it.</summary>
    protected async Task<ActionPlanSettings> SettingsAsync() =>
        await db.ActionPlanSettings.OrderBy(s => s.Id).FirstOrDefaultAsync() ?? Defaults();

    public static ActionPlanSettings Defaults() => new()
    {
        MonitoringGroup = "Behaviour and Attendance Group",
        ReportsTo = "PEP Strategic Board",
    };
}

/// <summary>A term as it appears in addresses: ?year=2021&amp;term=spring.</summary>
public static class PlanTerms
{
    public static string Query(Domain.Attendance.Term term) =>
        $"year={term.Year.StartYear}&term={term.Name.ToString().ToLowerInvariant()}";

    public static Domain.Attendance.Term? Parse(int? year, string? term) =>
        year is int y && y is > 2000 and < 2100 && Enum.TryParse<Domain.Attendance.TermName>(term, ignoreCase: true, out var name)
            && Enum.IsDefined(name) && !int.TryParse(term, out _)
            ? Domain.Attendance.SchoolTerms.For(new Domain.Calendar.AcademicYear(y), name)
            : null;

    /// <summary>The terms the plan has been rated in or could be now: from its earliest rating to today's term.</summary>
    public static async Task<IReadOnlyList<Domain.Attendance.Term>> SoFarAsync(WaymarkDbContext db, DateOnly today)
    {
        var rated = await db.PlanActionProgress.Select(p => new { p.AcademicYear, p.Term }).Distinct().ToListAsync();
        var first = rated.Count == 0
            ? Domain.Attendance.SchoolTerms.Containing(today)
            : rated.Select(r => Domain.Attendance.SchoolTerms.For(new Domain.Calendar.AcademicYear(r.AcademicYear), r.Term)).MinBy(t => t.Start);
        return ActionPlanRules.TermsSoFar(first, today);
    }
}
