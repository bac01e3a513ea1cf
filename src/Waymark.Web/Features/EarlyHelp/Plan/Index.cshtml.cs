using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.EarlyHelp.Plan;

/// <summary>The family's plan on one page, section by section in the order of the form, each with its own page to change it.</summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate) : PlanPageModel(gate)
{
    public EarlyHelpPlan Plan => View.Plan;

    public List<OtherService> OtherServices { get; private set; } = [];

    public List<SelfAssessment> SelfAssessments { get; private set; } = [];

    public List<TafReview> Reviews { get; private set; } = [];

    public List<PlanCopy> Copies { get; private set; } = [];

    public MaintenancePlan? MaintenancePlan { get; private set; }

    /// <summary>Display names of users named on the plan (who recorded what), by id.</summary>
    public Dictionary<string, string> UserNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "plan") is IActionResult refused)
        {
            return refused;
        }

        OtherServices = await db.Set<OtherService>().AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.Id).ToListAsync();
        SelfAssessments = await db.SelfAssessments.AsNoTracking().Include(s => s.Scores).Include(s => s.Attachments)
            .Where(s => s.PlanId == id).OrderBy(s => s.AssessedOn).ThenBy(s => s.MemberId).AsSplitQuery().ToListAsync();
        Reviews = await db.TafReviews.AsNoTracking().Include(r => r.Invitees).Where(r => r.PlanId == id).OrderBy(r => r.HeldOn).ThenBy(r => r.Id).ToListAsync();
        Copies = await db.PlanCopies.AsNoTracking().Where(c => c.PlanId == id).OrderBy(c => c.SentOn).ThenBy(c => c.Id).ToListAsync();
        MaintenancePlan = await db.MaintenancePlans.AsNoTracking().SingleOrDefaultAsync(m => m.PlanId == id);
        var userIds = Plan.Consents.Select(c => c.RecordedByUserId).Append(Plan.CreatedByUserId).Distinct().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return Page();
    }

    public FamilyMember? Member(int id) => Plan.Members.FirstOrDefault(m => m.Id == id);

    /// <summary>The plan's own self-assessments (not a review's), one per family member.</summary>
    public IEnumerable<SelfAssessment> PlanAssessments => SelfAssessments.Where(s => s.ReviewId is null);
}
