using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.EarlyHelp;

/// <summary>One family's plan as a row of a worklist.</summary>
public sealed record PlanRow(
    Guid Id, string FamilyName, PlanStage Stage, TierOfNeed? Tier, string? LeadName, string? LeadAgency, DateOnly? ReviewDueOn,
    DateOnly? ClosedOn, int Children, bool YouLead);

/// <summary>
/// The early help worklist: the plans the user leads or works on (all plans for the LA), reviews overdue first, then
/// the rest by when their review falls due. Closed plans are listed apart.
/// </summary>
public sealed class WorklistModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const int PageSize = 50;

    public DateOnly TodayDate { get; private set; }

    public bool IsLocalAuthority { get; private set; }

    public bool CanSeeReports { get; private set; }

    /// <summary>Filter for LA users: "overdue", "assessment", "active", "mash" or empty for every open plan.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<PlanRow> Open { get; private set; } = [];

    public int OpenTotal { get; private set; }

    public int OverdueTotal { get; private set; }

    public IReadOnlyList<PlanRow> RecentlyClosed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var role = currentUser.Role;
        if (!Roles.CanOpenChildRecords(role))
        {
            return EarlyHelpAccess.CanSeeReports(role) ? Redirect("/early-help/reports") : Forbid();
        }

        TodayDate = clock.UkToday();
        var scope = currentUser.Scope;
        IsLocalAuthority = scope.DataScope == DataScope.LocalAuthority;
        CanSeeReports = EarlyHelpAccess.CanSeeReports(role);
        var plans = db.EarlyHelpPlans.AsNoTracking().VisibleTo(scope);
        var open = plans.Where(p => p.Stage == PlanStage.Assessment || p.Stage == PlanStage.Active || p.Stage == PlanStage.WithMash);
        OverdueTotal = await open.ReviewOverdue(TodayDate).CountAsync();
        open = Show switch
        {
            "overdue" => open.ReviewOverdue(TodayDate),
            "assessment" => open.Where(p => p.Stage == PlanStage.Assessment),
            "active" => open.Where(p => p.Stage == PlanStage.Active),
            "mash" => open.Where(p => p.Stage == PlanStage.WithMash),
            _ => open,
        };
        OpenTotal = await open.CountAsync();

        // Overdue first (the earliest due date is the most overdue), then plans still being put together, then the rest.
        Open = await RowsAsync(open.OrderBy(p => p.ReviewDueOn == null).ThenBy(p => p.ReviewDueOn).ThenBy(p => p.FamilyName).Take(PageSize), scope.UserId);
        var since = TodayDate.AddDays(-(int)NeedToKnow.RecentStatus.TotalDays);
        RecentlyClosed = await RowsAsync(plans.Where(p => !(p.Stage == PlanStage.Assessment || p.Stage == PlanStage.Active || p.Stage == PlanStage.WithMash)
            && p.ClosedOn >= since).OrderByDescending(p => p.ClosedOn).Take(PageSize), scope.UserId);

        await auditor.RecordNowAsync(AuditActions.EarlyHelpViewed, detail: $"worklist: {Open.Count} open and {RecentlyClosed.Count} closed plans listed");
        return Page();
    }

    private static async Task<IReadOnlyList<PlanRow>> RowsAsync(IQueryable<EarlyHelpPlan> plans, string userId) =>
        await plans.Select(p => new
        {
            p.Id, p.FamilyName, p.Stage, p.Tier, p.ReviewDueOn, p.ClosedOn,
            Lead = p.LeadProfessionals.Where(l => l.EndedOn == null).Select(l => new { l.Name, l.Agency, l.UserId }).FirstOrDefault(),
            Children = p.Members.Count(m => m.Role == FamilyRole.Child),
        }).AsAsyncEnumerable()
            .Select(p => new PlanRow(p.Id, p.FamilyName, p.Stage, p.Tier, p.Lead?.Name, p.Lead?.Agency, p.ReviewDueOn, p.ClosedOn, p.Children,
                p.Lead?.UserId == userId))
            .ToListAsync();
}
