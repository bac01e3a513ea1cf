using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class CohortCriteriaTests
{
    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void Only_years_5_and_6_are_cohort_years(int year, bool expected) =>
        Assert.Equal(expected, CohortCriteria.IsCohortYear(new NcYear(year)));

    [Fact]
    public void A_child_of_no_school_age_is_not_in_a_cohort_year() => Assert.False(CohortCriteria.IsCohortYear(null));

    [Fact]
    public void The_default_is_the_pilots_cohort_child_in_need_or_child_protection()
    {
        var criteria = CohortCriteria.Default;

        Assert.Equal(["Child in need"], criteria.ReasonsFor([ChildStatusType.ChildInNeed], hasSocialWorker: true));
        Assert.Equal(["Child protection plan"], criteria.ReasonsFor([ChildStatusType.ChildProtectionPlan], hasSocialWorker: true));
        Assert.Empty(criteria.ReasonsFor([ChildStatusType.LookedAfter], hasSocialWorker: true));
        Assert.Empty(criteria.ReasonsFor([ChildStatusType.EhcPlan, ChildStatusType.SenSupport, ChildStatusType.EarlyHelp], hasSocialWorker: false));
        Assert.Equal([ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan], criteria.QualifyingStatuses());
    }

    [Fact]
    public void Every_criterion_the_LA_adds_brings_its_children_in_and_names_the_reason()
    {
        var criteria = new CohortCriteria(ChildInNeed: false, ChildProtection: false, LookedAfter: true, EhcPlan: true, SenSupport: true, EarlyHelp: true);

        Assert.Equal(["Looked-after child"], criteria.ReasonsFor([ChildStatusType.LookedAfter], false));
        Assert.Equal(["Education, health and care plan"], criteria.ReasonsFor([ChildStatusType.EhcPlan], false));
        Assert.Equal(["SEN support"], criteria.ReasonsFor([ChildStatusType.SenSupport], false));
        Assert.Equal(["Early help"], criteria.ReasonsFor([ChildStatusType.EarlyHelp], false));
        Assert.Empty(criteria.ReasonsFor([ChildStatusType.ChildInNeed], true));
        Assert.Equal(["Looked-after child", "Education, health and care plan"],
            criteria.ReasonsFor([ChildStatusType.EhcPlan, ChildStatusType.LookedAfter], false));
    }

    [Fact]
    public void Any_child_with_a_social_worker_is_a_reason_only_when_no_named_status_applies()
    {
        var criteria = CohortCriteria.Default with { AnyChildWithSocialWorker = true };

        Assert.Equal(["Has a social worker"], criteria.ReasonsFor([ChildStatusType.YoungCarer], hasSocialWorker: true));
        Assert.Empty(criteria.ReasonsFor([ChildStatusType.YoungCarer], hasSocialWorker: false));
        Assert.Equal(["Child in need"], criteria.ReasonsFor([ChildStatusType.ChildInNeed], hasSocialWorker: true));
    }

    [Fact]
    public void No_criteria_at_all_is_empty_and_says_so()
    {
        var none = new CohortCriteria(false, false, false, false, false, false, false);

        Assert.True(none.IsEmpty);
        Assert.Equal("no criteria", none.Describe());
        Assert.False(CohortCriteria.Default.IsEmpty);
        Assert.Equal("Child in need, Child protection plan", CohortCriteria.Default.Describe());
    }

    [Theory]
    [InlineData(5, 2026, 2027)]
    [InlineData(6, 2026, 2026)]
    public void The_cohort_is_named_by_the_year_the_child_is_in_year_6(int ncYear, int current, int expected) =>
        Assert.Equal(new AcademicYear(expected), CohortYears.Year6For(new NcYear(ncYear), new AcademicYear(current)));

    [Fact]
    public void The_move_is_on_1_September_after_year_6() =>
        Assert.Equal(new DateOnly(2027, 9, 1), CohortYears.MoveDate(new AcademicYear(2026)));
}
