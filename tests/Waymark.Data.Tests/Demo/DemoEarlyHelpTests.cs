using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;

namespace Waymark.Data.Tests.Demo;

/// <summary>The demo's Family Early Help Plans: every stage, valid by the plan's rules, and some for each demo sign-in to open.</summary>
public abstract partial class DemoDataTests
{
    [Fact]
    public async Task Early_help_plans_are_at_every_stage_and_keep_the_plans_rules()
    {
        await using var db = seeded.Database.CreateContext();
        var plans = await db.EarlyHelpPlans.AsNoTracking()
            .Include(p => p.Members).Include(p => p.Consents).Include(p => p.LeadProfessionals).Include(p => p.Actions).Include(p => p.Reviews)
            .Include(p => p.SelfAssessments).ThenInclude(s => s.Scores).Include(p => p.MaintenancePlan)
            .AsSplitQuery().ToListAsync();

        Assert.InRange(plans.Count, 30, 60);
        Assert.Equal(Enum.GetValues<PlanStage>().Order(), plans.Select(p => p.Stage).Distinct().Order());
        Assert.Equal(Enum.GetValues<ClosureReason>().Order(), plans.Where(p => p.ClosureReason is not null).Select(p => p.ClosureReason!.Value).Distinct().Order());
        Assert.Contains(plans, p => p.Stage == PlanStage.Active && ReviewSchedule.IsOverdue(p.ReviewDueOn!.Value, Today));
        Assert.Contains(plans, p => p.Stage == PlanStage.Active && !ReviewSchedule.IsOverdue(p.ReviewDueOn!.Value, Today));
        Assert.Contains(plans, p => p.Reviews.Count == 2 && p.Stage == PlanStage.Active);
        Assert.Contains(plans, p => p.MaintenancePlan is not null);
        Assert.Contains(plans, p => p.Members.Any(m => m.Unborn));

        foreach (var plan in plans)
        {
            // Consent first: every plan has the family's consent to share, given before anything else.
            var share = Assert.Single(plan.Consents, c => c.Kind == EarlyHelpConsentKind.ShareWithSupporters);
            Assert.True(share.Agreed);
            Assert.Equal(plan.ClosureReason == ClosureReason.ConsentWithdrawn, share.WithdrawnOn is not null);
            Assert.Single(plan.LeadProfessionals, l => l.EndedOn is null);
            Assert.Contains(plan.Members, m => m.ChildId is not null);
            foreach (var score in plan.SelfAssessments.SelectMany(s => s.Scores))
            {
                Assert.Null(AspectScores.Problem(score.Aspect, score.Score, score.Score is null, score.NotApplicableReason));
            }

            Assert.All(plan.Actions, a => Assert.Null(ReadinessToChange.Problem(a.Readiness)));
            if (plan.AgreedOn is DateOnly agreed)
            {
                var last = (DateOnly?)null;
                foreach (var review in plan.Reviews.OrderBy(r => r.HeldOn))
                {
                    Assert.Null(ReviewSchedule.DateProblem(review.HeldOn, agreed, last, Today));
                    last = review.HeldOn;
                }

                if (plan.Stage == PlanStage.Active)
                {
                    Assert.Equal(ReviewSchedule.DueOn(agreed, last), plan.ReviewDueOn);
                }
            }
        }

        // Both demo sign-ins that lead plans have some to open.
        var leadProfessional = seeded.Users.Single(u => u.Email == "lead.professional@eastmoor.example");
        var senco = seeded.Users.Single(u => u.Email == "senco@eastmoor.example");
        Assert.Contains(plans, p => p.LeadProfessionals.Any(l => l.UserId == leadProfessional.Id) && PlanText.IsOpen(p.Stage));
        Assert.Contains(plans, p => p.LeadProfessionals.Any(l => l.UserId == senco.Id) && p.LeadSchoolId == senco.SchoolId);
    }
}
