using Waymark.Domain.People;
using Waymark.Domain.QualityMark;

namespace Waymark.Domain.Tests.QualityMark;

public class QualityMarkRulesTests
{
    private static readonly DateOnly Due = new(2027, 3, 31);

    // Standards 1 to 10 current; the first milestone wants 1 to 3 by 31 March 2027, the second 4 and 5 by 31 July 2027.
    private static readonly HashSet<int> Current = [.. Enumerable.Range(1, 10)];

    private static readonly Milestone[] Milestones = [new(Due, new HashSet<int> { 1, 2, 3 }), new(new DateOnly(2027, 7, 31), new HashSet<int> { 4, 5 })];

    private static MilestoneStatus On(DateOnly day, params int[] completed) =>
        QualityMarkRules.StatusOn(Milestones, Current, completed.ToHashSet(), day);

    [Fact]
    public void A_school_is_on_track_until_the_end_of_the_milestone_day_and_behind_from_the_day_after()
    {
        Assert.Equal(MilestoneStatus.OnTrack, On(Due.AddDays(-1), 1));
        Assert.Equal(MilestoneStatus.OnTrack, On(Due, 1, 2));
        Assert.Equal(MilestoneStatus.Behind, On(Due.AddDays(1), 1, 2));
    }

    [Fact]
    public void A_school_that_met_the_milestone_is_on_track_after_it_even_with_later_standards_outstanding()
    {
        Assert.Equal(MilestoneStatus.OnTrack, On(Due.AddDays(1), 1, 2, 3));
        Assert.Equal(MilestoneStatus.OnTrack, On(new DateOnly(2027, 7, 31), 1, 2, 3));
        Assert.Equal(MilestoneStatus.Behind, On(new DateOnly(2027, 8, 1), 1, 2, 3, 4));
        Assert.Equal(MilestoneStatus.OnTrack, On(new DateOnly(2027, 8, 1), 1, 2, 3, 4, 5));
    }

    [Fact]
    public void Completing_a_later_milestones_standards_does_not_make_up_for_an_earlier_one()
    {
        Assert.Equal(MilestoneStatus.Behind, On(new DateOnly(2027, 8, 1), 1, 2, 4, 5, 6, 7, 8, 9, 10));
    }

    [Fact]
    public void A_school_is_complete_when_every_current_standard_is_completed_whatever_the_milestones()
    {
        Assert.Equal(MilestoneStatus.Complete, On(Due.AddYears(5), [.. Enumerable.Range(1, 10)]));
        Assert.Equal(MilestoneStatus.Complete, QualityMarkRules.StatusOn([], Current, Current, Due));
        Assert.Equal(MilestoneStatus.OnTrack, QualityMarkRules.StatusOn([], Current, new HashSet<int>(), Due.AddYears(5)));
    }

    [Fact]
    public void No_standards_at_all_is_not_complete()
    {
        Assert.Equal(MilestoneStatus.OnTrack, QualityMarkRules.StatusOn([], new HashSet<int>(), new HashSet<int>(), Due));
    }

    [Fact]
    public void A_retired_standard_counts_for_nothing_in_milestones_or_completion()
    {
        // Standard 3 retired: a school with 1 and 2 has met the first milestone; with every other standard it is complete.
        var current = Current.Where(id => id != 3).ToHashSet();
        Assert.Equal(MilestoneStatus.OnTrack, QualityMarkRules.StatusOn(Milestones, current, new HashSet<int> { 1, 2 }, Due.AddDays(1)));
        Assert.Equal(MilestoneStatus.Complete, QualityMarkRules.StatusOn(Milestones, current, current, Due.AddYears(1)));

        // And completing a retired standard does not stand in for a current one.
        Assert.Equal(MilestoneStatus.Behind, QualityMarkRules.StatusOn(Milestones, current, new HashSet<int> { 1, 3 }, Due.AddDays(1)));
    }

    [Fact]
    public void The_next_unmet_milestone_is_the_earliest_with_a_standard_outstanding()
    {
        Assert.Equal(Due, QualityMarkRules.NextUnmet(Milestones, Current, new HashSet<int> { 1 })!.DueOn);
        Assert.Equal(new DateOnly(2027, 7, 31), QualityMarkRules.NextUnmet(Milestones.Reverse(), Current, new HashSet<int> { 1, 2, 3 })!.DueOn);
        Assert.Null(QualityMarkRules.NextUnmet(Milestones, Current, new HashSet<int> { 1, 2, 3, 4, 5 }));
        Assert.Equal([2, 3], QualityMarkRules.Outstanding(Milestones[0], Current, new HashSet<int> { 1 }));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(AssessmentStage.InProgress, false)]
    [InlineData(AssessmentStage.Submitted, false)]
    [InlineData(AssessmentStage.NotAgreed, false)]
    [InlineData(AssessmentStage.Agreed, true)]
    public void A_standard_is_completed_only_when_its_moderator_agreed(AssessmentStage? stage, bool completed)
    {
        Assert.Equal(completed, QualityMarkRules.IsCompleted(stage));
    }

    [Theory]
    [InlineData(null, true, false)]
    [InlineData(AssessmentStage.InProgress, true, false)]
    [InlineData(AssessmentStage.Submitted, false, true)]
    [InlineData(AssessmentStage.NotAgreed, true, false)]
    [InlineData(AssessmentStage.Agreed, false, false)]
    public void The_school_edits_until_it_submits_and_again_when_not_agreed_and_the_moderator_moderates_only_what_is_submitted(
        AssessmentStage? stage, bool schoolMayEdit, bool mayModerate)
    {
        Assert.Equal(schoolMayEdit, QualityMarkRules.SchoolMayEdit(stage));
        Assert.Equal(mayModerate, QualityMarkRules.MayModerate(stage));
    }

    [Fact]
    public void Submitting_needs_evidence_and_a_judgement_beyond_not_started()
    {
        Assert.Equal("Enter the evidence before submitting it for moderation", QualityMarkRules.SubmitProblem("  ", Judgement.Secure));
        Assert.NotNull(QualityMarkRules.SubmitProblem("We do this", Judgement.NotStarted));
        Assert.NotNull(QualityMarkRules.SubmitProblem("We do this", null));
        Assert.Null(QualityMarkRules.SubmitProblem("We do this", Judgement.Developing));
    }

    [Fact]
    public void The_la_manages_school_leaders_assess_and_every_school_role_sees_its_own()
    {
        Assert.Equal([Role.LaAdmin, Role.LaOfficer], Roles.All.Where(QualityMarkRules.MayManage));
        Assert.Equal([Role.Senco, Role.Headteacher], Roles.All.Where(QualityMarkRules.MayAssess));
        // The SEN case officer works on the SEND cohort, not with schools' quality marks.
        Assert.Equal([Role.LaAdmin, Role.LaOfficer, Role.AdvisoryTeacher], Roles.All.Where(QualityMarkRules.SeesEverySchool));
        Assert.Equal([Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher], Roles.All.Where(QualityMarkRules.SeesOwnSchool));
    }

    [Fact]
    public void The_ten_standards_are_the_seeds_in_its_order_each_described()
    {
        Assert.Equal(10, InitialStandards.All.Count);
        Assert.Equal("Welcoming school and ethos", InitialStandards.All[0].Name);
        Assert.Equal("Behaviour and safeguarding", InitialStandards.All[2].Name);
        Assert.Equal("Transition", InitialStandards.All[9].Name);
        Assert.All(InitialStandards.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
    }
}
