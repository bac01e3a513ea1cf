using Microsoft.EntityFrameworkCore;
using Waymark.Domain.QualityMark;

namespace Waymark.Data.Tests.Demo;

/// <summary>The demo's inclusion quality mark: schools at every stage against milestones the first of which has passed.</summary>
public abstract partial class DemoDataTests
{
    [Fact]
    public async Task Quality_mark_schools_are_complete_on_track_and_behind_with_one_moderated_and_one_waiting_for_the_demo_headteacher()
    {
        await using var db = seeded.Database.CreateContext();
        var milestones = (await db.QualityMarkMilestones.AsNoTracking().Include(m => m.Standards).ToListAsync()).Select(m => m.ToRule()).ToList();
        var current = (await db.QualityMarkStandards.AsNoTracking().Where(s => s.RetiredAtUtc == null).Select(s => s.Id).ToListAsync()).ToHashSet();
        var assessments = await db.QualityMarkAssessments.AsNoTracking().ToListAsync();
        var moderators = await db.QualityMarkModerators.AsNoTracking().ToListAsync();

        Assert.Equal(4, milestones.Count);
        Assert.Contains(milestones, m => m.DueOn < Today);
        Assert.Equal(10, current.Count);
        var statuses = moderators.Select(m => QualityMarkRules.StatusOn(milestones, current,
            assessments.Where(a => a.SchoolId == m.SchoolId && QualityMarkRules.IsCompleted(a.Stage)).Select(a => a.StandardId).ToHashSet(), Today)).ToList();
        Assert.Contains(MilestoneStatus.Complete, statuses);
        Assert.Contains(MilestoneStatus.OnTrack, statuses);
        Assert.Contains(MilestoneStatus.Behind, statuses);

        // Every moderated assessment was moderated by the school's assigned moderator.
        Assert.All(assessments.Where(a => a.ModeratedBySchoolId is not null),
            a => Assert.Equal(moderators.Single(m => m.SchoolId == a.SchoolId).ModeratorSchoolId, a.ModeratedBySchoolId));
        Assert.Contains(assessments, a => a.Stage == AssessmentStage.NotAgreed && a.ModerationNote is not null);
        Assert.Contains(assessments, a => a.SchoolId == FirstPrimary.Id && a.Stage == AssessmentStage.Agreed);
        var moderatedByFirst = moderators.Single(m => m.ModeratorSchoolId == FirstPrimary.Id).SchoolId;
        Assert.Contains(assessments, a => a.SchoolId == moderatedByFirst && a.Stage == AssessmentStage.Submitted);
    }
}
