using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Children;

namespace Waymark.Web.Features.Send;

/// <summary>
/// The EHC plan on the child's record follows the final plan of the needs assessment: it starts the day the plan was
/// issued, and SEN support ends the day before with its needs carried over. Recording, correcting and removing the
/// final plan keep the two in step.
/// </summary>
public static class PlanOnRecord
{
    public static async Task PutAsync(WaymarkDbContext db, Guid childId, DateOnly issuedOn)
    {
        var statuses = await db.ChildStatuses.Where(s => s.ChildId == childId && (s.Type == ChildStatusType.EhcPlan || s.Type == ChildStatusType.SenSupport)
            && (s.EndDate == null || s.EndDate >= issuedOn)).ToListAsync();
        if (statuses.Any(s => s.Type == ChildStatusType.EhcPlan && s.StartDate <= issuedOn))
        {
            return;
        }

        var support = statuses.Where(s => s.Type == ChildStatusType.SenSupport && s.StartDate < issuedOn).OrderByDescending(s => s.StartDate).FirstOrDefault();
        if (support is not null)
        {
            support.EndDate = issuedOn.AddDays(-1);
        }

        db.ChildStatuses.Add(new ChildStatus
        {
            ChildId = childId, Type = ChildStatusType.EhcPlan, StartDate = issuedOn, PrimaryNeed = support?.PrimaryNeed, SecondaryNeed = support?.SecondaryNeed,
        });
    }

    /// <summary>The final plan's date was wrong: the plan on the record starts on the corrected day, SEN support ends the day before.</summary>
    public static async Task MoveAsync(WaymarkDbContext db, Guid childId, DateOnly wasIssuedOn, DateOnly issuedOn)
    {
        var plan = await db.ChildStatuses.FirstOrDefaultAsync(s => s.ChildId == childId && s.Type == ChildStatusType.EhcPlan && s.StartDate == wasIssuedOn);
        if (plan is null)
        {
            await PutAsync(db, childId, issuedOn);
            return;
        }

        plan.StartDate = issuedOn;
        var support = await db.ChildStatuses.FirstOrDefaultAsync(s => s.ChildId == childId && s.Type == ChildStatusType.SenSupport && s.EndDate == wasIssuedOn.AddDays(-1));
        if (support is not null && support.StartDate < issuedOn)
        {
            support.EndDate = issuedOn.AddDays(-1);
        }
    }

    /// <summary>The final plan was recorded in error: the plan it put on the record goes, and SEN support it ended carries on.</summary>
    public static async Task RemoveAsync(WaymarkDbContext db, Guid childId, DateOnly wasIssuedOn)
    {
        var plan = await db.ChildStatuses.FirstOrDefaultAsync(s => s.ChildId == childId && s.Type == ChildStatusType.EhcPlan && s.StartDate == wasIssuedOn);
        if (plan is not null)
        {
            db.ChildStatuses.Remove(plan);
        }

        var support = await db.ChildStatuses.FirstOrDefaultAsync(s => s.ChildId == childId && s.Type == ChildStatusType.SenSupport && s.EndDate == wasIssuedOn.AddDays(-1));
        if (support is not null)
        {
            support.EndDate = null;
        }
    }
}
