using System.Linq.Expressions;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Send;

namespace Waymark.Data.Access;

/// <summary>
/// The SEND cohort: the children the SEN team (<see cref="DataScope.SendCohort"/>) works with, and the only rule for
/// them. A child is in it with SEN support or an EHC plan current today, or with an EHC needs assessment, annual review,
/// phase transfer or plan from another LA that is still open or ended less than <see cref="NeedToKnow.RecentStatus"/>
/// ago (a refused request may be appealed; a ceased plan may come back). <see cref="ChildScoping"/> adds the children
/// the user is a key person for and those opened with a reason.
/// </summary>
public static class SendScoping
{
    public static Expression<Func<Child, bool>> Cohort(WaymarkDbContext db, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = today.AddDays(-(int)NeedToKnow.RecentStatus.TotalDays);
        var current = CurrentOn.Status(today);
        return c =>
            c.Statuses.AsQueryable().Where(current).Any(s => s.Type == ChildStatusType.SenSupport || s.Type == ChildStatusType.EhcPlan)

            // An assessment ends with the final plan, a decision not to issue one, or a decision not to assess.
            || db.EhcNeedsAssessments.Any(a => a.ChildId == c.Id
                && ((a.FinalPlanOn == null && a.NoPlanOn == null && (a.Decision == null || a.Decision != AssessmentDecision.NotAssess))
                    || a.FinalPlanOn >= since || a.NoPlanOn >= since || (a.Decision == AssessmentDecision.NotAssess && a.DecidedOn >= since)))

            // A review ends with the LA's decision, or for an amendment with the amended plan.
            || db.EhcAnnualReviews.Any(r => r.ChildId == c.Id
                && (r.DecidedOn == null || r.DecidedOn >= since
                    || (r.Outcome == ReviewOutcome.Amend && (r.AmendedPlanOn == null || r.AmendedPlanOn >= since))))
            || db.EhcPhaseTransfers.Any(t => t.ChildId == c.Id && (t.AmendedOn == null || t.AmendedOn >= since))
            || db.EhcLaTransfers.Any(t => t.ChildId == c.Id && (t.LetterSentOn == null || t.LetterSentOn >= since));
    }
}
