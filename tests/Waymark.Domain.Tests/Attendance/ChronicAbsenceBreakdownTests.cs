using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.Attendance;

public class ChronicAbsenceBreakdownTests
{
    private static readonly AcademicYear Year = new(2026);

    [Theory]
    [InlineData(true, true, false, ChronicAbsencePlan.LeadProfessionalWithPlan)]
    [InlineData(true, true, true, ChronicAbsencePlan.LeadProfessionalWithPlan)]
    [InlineData(true, false, true, ChronicAbsencePlan.SchoolLedPlanOnly)]
    [InlineData(false, true, true, ChronicAbsencePlan.SchoolLedPlanOnly)]
    [InlineData(false, false, true, ChronicAbsencePlan.SchoolLedPlanOnly)]
    [InlineData(true, false, false, ChronicAbsencePlan.NoPlan)]
    [InlineData(false, true, false, ChronicAbsencePlan.NoPlan)]
    [InlineData(false, false, false, ChronicAbsencePlan.NoPlan)]
    public void A_lead_professional_needs_a_plan_and_a_school_plan_alone_is_school_led(bool lead, bool plan, bool schoolPlan, ChronicAbsencePlan expected) =>
        Assert.Equal(expected, ChronicAbsenceBreakdown.PlanOf(lead, plan, schoolPlan));

    [Theory]
    [InlineData(KeyPersonRole.LeadProfessional, true)]
    [InlineData(KeyPersonRole.SocialWorker, true)]
    [InlineData(KeyPersonRole.AdvisoryTeacher, false)]
    [InlineData(KeyPersonRole.TransitionLead, false)]
    [InlineData(KeyPersonRole.Senco, false)]
    public void Lead_professionals_are_lead_professionals_and_social_workers(KeyPersonRole role, bool expected) =>
        Assert.Equal(expected, ChronicAbsenceBreakdown.IsLeadProfessional(role));

    [Theory]
    [InlineData(2015, 9, 1, true)]
    [InlineData(2015, 8, 31, false)]
    [InlineData(2020, 1, 1, true)]
    [InlineData(2010, 1, 1, false)]
    public void Under_eleven_is_by_age_on_the_31_august_before_the_year(int y, int m, int d, bool under) =>
        Assert.Equal(under, ChronicAbsenceBreakdown.IsUnderEleven(new DateOnly(y, m, d), Year));

    [Fact]
    public void The_counts_add_up_each_category()
    {
        ChronicAbsenceCase[] cases =
        [
            new(ChronicAbsencePlan.LeadProfessionalWithPlan, false, true, new DateOnly(2016, 5, 1)),
            new(ChronicAbsencePlan.SchoolLedPlanOnly, true, false, new DateOnly(2012, 5, 1)),
            new(ChronicAbsencePlan.NoPlan, true, true, new DateOnly(2011, 5, 1)),
            new(ChronicAbsencePlan.NoPlan, false, false, new DateOnly(2017, 5, 1)),
        ];

        var counts = ChronicAbsenceBreakdown.Count(cases, Year);

        Assert.Equal(new ChronicAbsenceCounts(4, 1, 1, 2, 2, 2, 2, 2), counts);
        Assert.Equal(25m, counts.LeadProfessionalWithPlanPercent);
        Assert.Null(ChronicAbsenceBreakdown.Count([], Year).LeadProfessionalWithPlanPercent);
    }
}

public class AlertHandlingTests
{
    [Theory]
    [InlineData(DataScope.LocalAuthority, AlertOwner.School, true)]
    [InlineData(DataScope.LocalAuthority, AlertOwner.LocalAuthority, true)]
    [InlineData(DataScope.LocalAuthority, AlertOwner.SocialWorker, true)]
    [InlineData(DataScope.LocalAuthority, AlertOwner.VirtualSchool, true)]
    [InlineData(DataScope.School, AlertOwner.School, true)]
    [InlineData(DataScope.School, AlertOwner.LocalAuthority, false)]
    [InlineData(DataScope.School, AlertOwner.SocialWorker, false)]
    [InlineData(DataScope.Caseload, AlertOwner.SocialWorker, true)]
    [InlineData(DataScope.Caseload, AlertOwner.School, false)]
    [InlineData(DataScope.Caseload, AlertOwner.LocalAuthority, false)]
    [InlineData(DataScope.Pseudonymised, AlertOwner.School, false)]
    [InlineData(DataScope.SendCohort, AlertOwner.LocalAuthority, false)]
    [InlineData(DataScope.SendCohort, AlertOwner.School, false)]
    public void Who_may_mark_an_alert_handled(DataScope scope, AlertOwner owner, bool expected) =>
        Assert.Equal(expected, AlertHandling.CanHandle(scope, owner));

    [Theory]
    [InlineData(DataScope.LocalAuthority, true)]
    [InlineData(DataScope.School, true)]
    [InlineData(DataScope.Caseload, true)]
    [InlineData(DataScope.SendCohort, false)]
    [InlineData(DataScope.Pseudonymised, false)]
    [InlineData(DataScope.Oversight, false)]
    public void Only_those_who_act_on_alerts_see_the_worklist(DataScope scope, bool expected) =>
        Assert.Equal(expected, AlertHandling.CanSeeWorklist(scope));

    [Fact]
    public void Every_kind_and_owner_has_a_name_in_words()
    {
        Assert.All(Enum.GetValues<AlertKind>(), k => Assert.NotEqual(k.ToString(), AlertHandling.DisplayName(k)));
        Assert.All(Enum.GetValues<AlertOwner>(), o => Assert.False(string.IsNullOrWhiteSpace(AlertHandling.DisplayName(o))));
    }

    [Fact]
    public void Only_the_mark_rules_are_raised_from_marks() =>
        Assert.Equal(8, AlertHandling.FromMarks.Count);
}
