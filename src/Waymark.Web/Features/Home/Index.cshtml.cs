using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.LinkCalls;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.LinkCalls;
using Waymark.Domain.People;
using Waymark.Web.Auth;
using Waymark.Web.Features.Adulthood;

namespace Waymark.Web.Features.Home;

public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public int ChildrenInScope { get; private set; }

    public IReadOnlyList<(ChildStatusType Type, int Count)> StatusCounts { get; private set; } = [];

    public string ScopeDescription { get; private set; } = "";

    public bool CanOpenRecords { get; private set; }

    /// <summary>Family Early Help Plans the user can see whose six-weekly review is overdue: on the Lead Professional's and the LA's worklists.</summary>
    public int EarlyHelpReviewsOverdue { get; private set; }

    public int EarlyHelpPlansOpen { get; private set; }

    /// <summary>For a Link Co-ordinator: their schools whose fortnightly call is overdue, and actions agreed with them past their date.</summary>
    public int? LinkCallsOverdue { get; private set; }

    public int LinkActionsOverdue { get; private set; }

    /// <summary>A PfA worker's caseload: overdue checklist items and overdue pathway plan reviews (null for other roles).</summary>
    public (int Items, int Reviews)? PfaOverdue { get; private set; }

    public async Task OnGetAsync()
    {
        var today = Today(clock);
        var scope = currentUser.Scope;
        var children = db.Children.AsNoTracking().CountableBy(db, scope, today);
        ChildrenInScope = await children.CountAsync();

        var counts = await db.ChildStatuses.AsNoTracking()
            .Where(CurrentOn.Status(today))
            .Where(s => children.Any(c => c.Id == s.ChildId))
            .GroupBy(s => s.Type)
            .Select(g => new { Type = g.Key, Count = g.Select(s => s.ChildId).Distinct().Count() })
            .ToListAsync();
        StatusCounts = Enum.GetValues<ChildStatusType>()
            .Select(t => (t, counts.FirstOrDefault(c => c.Type == t)?.Count ?? 0))
            .ToList();

        CanOpenRecords = Roles.CanOpenChildRecords(scope.Role);
        if (CanOpenRecords)
        {
            var plans = db.EarlyHelpPlans.AsNoTracking().VisibleTo(scope);
            EarlyHelpPlansOpen = await plans.CountAsync(p => p.Stage == PlanStage.Assessment || p.Stage == PlanStage.Active || p.Stage == PlanStage.WithMash);
            EarlyHelpReviewsOverdue = await plans.ReviewOverdue(today).CountAsync();
        }

        if (LinkCallAccess.CanRecord(scope.Role) && await db.LinkedSchools.AnyAsync(l => l.OfficerUserId == scope.UserId))
        {
            var schools = await LinkWorklist.SchoolsAsync(db, scope.UserId, today);
            LinkCallsOverdue = schools.Count(s => s.NextCall.Overdue);
            LinkActionsOverdue = schools.Sum(s => s.OverdueActions);
        }

        if (scope.Role == Role.PfaWorker)
        {
            var cohort = await PfaCohort.RowsAsync(db, db.Children.VisibleTo(db, scope, today), today);
            PfaOverdue = (cohort.Sum(r => r.OverdueItems), cohort.Count(r => r.PathwayReviewOverdue));
        }

        ScopeDescription = scope.DataScope switch
        {
            DataScope.LocalAuthority => "children known to the local authority",
            DataScope.SendCohort => "children with special educational needs (the SEND cohort)",
            DataScope.School => "pupils on your school's roll",
            DataScope.Caseload => "children on your caseload",
            _ => "children in the local authority (counts only)",
        };
    }
}
