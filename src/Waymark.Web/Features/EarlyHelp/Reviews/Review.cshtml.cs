using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.EarlyHelp.Reviews;

/// <summary>One recorded review, as the Team Around the Family agreed it.</summary>
public sealed class ReviewModel(WaymarkDbContext db, EarlyHelpGate gate) : PlanPageModel(gate)
{
    public TafReview Review { get; private set; } = null!;

    public List<SelfAssessment> Assessments { get; private set; } = [];

    public List<EarlyHelpAction> Settled { get; private set; } = [];

    public List<EarlyHelpAction> AgreedHere { get; private set; } = [];

    public string RecordedBy { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, int reviewId)
    {
        if (await OpenAsync(id, $"review {reviewId}") is IActionResult refused)
        {
            return refused;
        }

        var review = await db.TafReviews.AsNoTracking().Include(r => r.Invitees).SingleOrDefaultAsync(r => r.Id == reviewId && r.PlanId == id);
        if (review is null)
        {
            return NotFound();
        }

        Review = review;
        Assessments = await db.SelfAssessments.AsNoTracking().Include(s => s.Scores).Where(s => s.ReviewId == reviewId).OrderBy(s => s.MemberId).ToListAsync();
        Settled = View.Plan.Actions.Where(a => a.SettledAtReviewId == reviewId).OrderBy(a => a.Id).ToList();
        AgreedHere = View.Plan.Actions.Where(a => a.AgreedAtReviewId == reviewId).OrderBy(a => a.Id).ToList();
        RecordedBy = await db.Users.Where(u => u.Id == review.RecordedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "Unknown";
        return Page();
    }

    public FamilyMember? Member(int id) => View.Plan.Members.FirstOrDefault(m => m.Id == id);
}
