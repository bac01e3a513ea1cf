using System.Linq.Expressions;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;

namespace Waymark.Data.Access;

/// <summary>
/// The single rule for which Family Early Help Plans a user may see. LA-wide roles see every plan; a school sees the
/// plans it leads (its member of staff is Lead Professional) or contributes to (it, or its staff, has an action); a Lead
/// Professional or social worker sees the plans they lead now or have an action on. What they may change is
/// <see cref="EarlyHelpAccess"/>.
/// </summary>
public static class EarlyHelpScoping
{
    /// <summary>A closed plan keeps its family known to the LA's services for as long as a recent status does.</summary>
    public static IQueryable<EarlyHelpPlan> VisibleTo(this IQueryable<EarlyHelpPlan> plans, UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.DataScope switch
        {
            DataScope.LocalAuthority => plans,
            DataScope.School when scope.SchoolId is int schoolId => plans.Where(LedOrContributedBySchool(schoolId)),
            DataScope.Caseload => plans.Where(LedOrContributedByUser(scope.UserId)),
            _ => plans.Where(_ => false),
        };
    }

    public static Expression<Func<EarlyHelpPlan, bool>> LedOrContributedBySchool(int schoolId) =>
        p => p.LeadSchoolId == schoolId || p.Actions.Any(a => a.ResponsibleSchoolId == schoolId);

    public static Expression<Func<EarlyHelpPlan, bool>> LedOrContributedByUser(string userId) =>
        p => p.LeadProfessionals.Any(l => l.UserId == userId && l.EndedOn == null) || p.Actions.Any(a => a.ResponsibleUserId == userId);

    /// <summary>Plans that are open or closed less than <see cref="NeedToKnow.RecentStatus"/> ago.</summary>
    public static Expression<Func<EarlyHelpPlan, bool>> Current(DateOnly today)
    {
        var since = today.AddDays(-(int)NeedToKnow.RecentStatus.TotalDays);
        return p => p.ClosedOn == null || p.ClosedOn >= since;
    }

    /// <summary>Open plans whose six-weekly review date has passed.</summary>
    public static IQueryable<EarlyHelpPlan> ReviewOverdue(this IQueryable<EarlyHelpPlan> plans, DateOnly today) =>
        plans.Where(p => p.Stage == PlanStage.Active && p.ReviewDueOn != null && p.ReviewDueOn < today);
}
