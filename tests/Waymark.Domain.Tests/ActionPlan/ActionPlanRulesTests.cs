using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.ActionPlan;

public class ActionPlanRulesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_milestone_is_due_up_to_its_target_date_and_overdue_from_the_day_after()
    {
        Assert.Equal(MilestoneStatus.Due, ActionPlanRules.StatusOn(D("2022-01-31"), null, D("2022-01-30")));
        Assert.Equal(MilestoneStatus.Due, ActionPlanRules.StatusOn(D("2022-01-31"), null, D("2022-01-31")));
        Assert.Equal(MilestoneStatus.Overdue, ActionPlanRules.StatusOn(D("2022-01-31"), null, D("2022-02-01")));
    }

    [Fact]
    public void A_completed_milestone_is_done_even_if_late_but_not_before_the_day_it_was_completed()
    {
        Assert.Equal(MilestoneStatus.Done, ActionPlanRules.StatusOn(D("2022-01-31"), D("2022-03-01"), D("2022-03-01")));
        Assert.Equal(MilestoneStatus.Done, ActionPlanRules.StatusOn(D("2022-01-31"), D("2021-12-01"), D("2022-01-15")));
        // Looking back at a day before it was completed, it was still overdue (or due) then.
        Assert.Equal(MilestoneStatus.Overdue, ActionPlanRules.StatusOn(D("2022-01-31"), D("2022-03-01"), D("2022-02-28")));
        Assert.Equal(MilestoneStatus.Due, ActionPlanRules.StatusOn(D("2022-01-31"), D("2022-03-01"), D("2022-01-31")));
    }

    [Fact]
    public void The_term_summary_counts_each_rating_and_an_action_without_one_as_not_rated()
    {
        var summary = ActionPlanRules.Summarise([Rag.Red, Rag.Green, Rag.Green, null, Rag.NotRated, Rag.Amber]);
        Assert.Equal(new TermSummary(1, 1, 2, 2), summary);
        Assert.Equal(6, summary.Total);
    }

    [Fact]
    public void An_empty_plan_summarises_to_zeros()
    {
        Assert.Equal(new TermSummary(0, 0, 0, 0), ActionPlanRules.Summarise([]));
    }

    [Fact]
    public void Terms_so_far_run_newest_first_from_the_current_term_back_to_the_plans_first()
    {
        var first = SchoolTerms.For(new AcademicYear(2021), TermName.Autumn);
        var terms = ActionPlanRules.TermsSoFar(first, D("2022-04-20"));
        Assert.Equal([TermName.Summer, TermName.Spring, TermName.Autumn], terms.Select(t => t.Name));
        Assert.All(terms, t => Assert.Equal(2021, t.Year.StartYear));

        // On the plan's first day there is one term; before it, none.
        Assert.Single(ActionPlanRules.TermsSoFar(first, D("2021-09-01")));
        Assert.Empty(ActionPlanRules.TermsSoFar(first, D("2021-08-31")));
    }

    [Theory]
    [InlineData(Role.LaAdmin, true, true)]
    [InlineData(Role.LaOfficer, true, true)]
    [InlineData(Role.AdvisoryTeacher, false, true)]
    [InlineData(Role.SenCaseOfficer, false, false)]
    [InlineData(Role.Analyst, false, true)]
    [InlineData(Role.Headteacher, false, false)]
    [InlineData(Role.Senco, false, false)]
    [InlineData(Role.AttendanceLead, false, false)]
    [InlineData(Role.TransitionLead, false, false)]
    [InlineData(Role.SocialWorker, false, false)]
    [InlineData(Role.LeadProfessional, false, false)]
    [InlineData(Role.PfaWorker, false, false)]
    [InlineData(Role.CaldicottGuardian, false, false)]
    public void Officers_edit_LA_roles_and_analysts_read_and_schools_and_caseloads_are_refused(Role role, bool edit, bool read)
    {
        Assert.Equal(edit, ActionPlanRules.CanEdit(role));
        Assert.Equal(read, ActionPlanRules.CanRead(role));
    }
}
