using Microsoft.EntityFrameworkCore;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;

namespace Waymark.Data.Tests.Demo;

/// <summary>The demo's strategy action plan: actions from the seed's appendix under each heading, rated every term so far.</summary>
public abstract partial class DemoDataTests
{
    [Fact]
    public async Task The_action_plan_has_actions_under_every_heading_rated_each_term_and_some_not_yet_this_term()
    {
        await using var db = seeded.Database.CreateContext();
        var actions = await db.PlanActions.AsNoTracking().Include(a => a.Milestones).Include(a => a.Progress).AsSplitQuery().ToListAsync();

        Assert.InRange(actions.Count, 5, 10);
        Assert.All(ActionPlanRules.Priorities, p => Assert.Contains(actions, a => a.Priority == p));
        var thisTerm = SchoolTerms.Containing(Today);
        var lastTerm = SchoolTerms.Previous(thisTerm);
        Assert.All(actions, a => Assert.Contains(a.Progress, p => p.AcademicYear == lastTerm.Year.StartYear && p.Term == lastTerm.Name));
        var now = ActionPlanRules.Summarise(actions.Select(a =>
            a.Progress.FirstOrDefault(p => p.AcademicYear == thisTerm.Year.StartYear && p.Term == thisTerm.Name)?.Rag));
        Assert.True(now.NotRated > 0 && now.NotRated < actions.Count, $"{now}");

        // Milestones are a mix: done, and overdue (one not reached by its date).
        var statuses = actions.SelectMany(a => a.Milestones).Select(m => ActionPlanRules.StatusOn(m.TargetDate, m.CompletedOn, Today)).ToList();
        Assert.Contains(MilestoneStatus.Done, statuses);
        Assert.Contains(MilestoneStatus.Overdue, statuses);
        Assert.Single(await db.ActionPlanSettings.AsNoTracking().ToListAsync());
    }
}
