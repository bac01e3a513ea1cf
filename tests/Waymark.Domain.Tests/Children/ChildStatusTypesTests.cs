using Waymark.Domain.Children;

namespace Waymark.Domain.Tests.Children;

public class ChildStatusTypesTests
{
    [Theory]
    [InlineData(ChildStatusType.ChildInNeed, "CIN", "Child in need")]
    [InlineData(ChildStatusType.ChildProtectionPlan, "CP", "Child protection plan")]
    [InlineData(ChildStatusType.LookedAfter, "CLA", "Looked-after child")]
    [InlineData(ChildStatusType.EhcPlan, "EHCP", "Education, health and care plan")]
    [InlineData(ChildStatusType.SenSupport, "SEN support", "SEN support")]
    [InlineData(ChildStatusType.EarlyHelp, "Early help", "Early help")]
    [InlineData(ChildStatusType.CareLeaver, "Care leaver", "Care leaver")]
    [InlineData(ChildStatusType.YoungCarer, "Young carer", "Young carer")]
    [InlineData(ChildStatusType.ElectiveHomeEducation, "EHE", "Elective home education")]
    [InlineData(ChildStatusType.ChildMissingEducation, "CME", "Child missing education")]
    [InlineData(ChildStatusType.FreeSchoolMeals, "FSM", "Free school meals")]
    public void Short_and_display_names(ChildStatusType type, string shortName, string displayName)
    {
        Assert.Equal(shortName, ChildStatusTypes.ShortName(type));
        Assert.Equal(displayName, ChildStatusTypes.DisplayName(type));
    }

    [Fact]
    public void Names_are_unique()
    {
        var all = Enum.GetValues<ChildStatusType>();

        Assert.Equal(11, all.Length);
        Assert.Equal(all.Length, all.Select(ChildStatusTypes.ShortName).Distinct().Count());
        Assert.Equal(all.Length, all.Select(ChildStatusTypes.DisplayName).Distinct().Count());
    }

    [Fact]
    public void Only_cin_cp_and_looked_after_have_a_social_worker()
    {
        Assert.Equal(
            [ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter],
            Enum.GetValues<ChildStatusType>().Where(ChildStatusTypes.HasSocialWorker));
    }

    [Fact]
    public void Every_status_but_free_school_meals_is_a_service_working_with_the_child()
    {
        Assert.Equal([ChildStatusType.FreeSchoolMeals], Enum.GetValues<ChildStatusType>().Where(t => !ChildStatusTypes.IsServiceInvolvement(t)));
    }

    [Fact]
    public void Only_ehc_plan_and_sen_support_are_send()
    {
        Assert.Equal(
            [ChildStatusType.EhcPlan, ChildStatusType.SenSupport],
            Enum.GetValues<ChildStatusType>().Where(ChildStatusTypes.IsSend));
    }

    [Fact]
    public void Undefined_value_throws_for_names()
    {
        var bogus = (ChildStatusType)77;

        Assert.Throws<ArgumentOutOfRangeException>(() => ChildStatusTypes.DisplayName(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChildStatusTypes.ShortName(bogus));
        Assert.False(ChildStatusTypes.HasSocialWorker(bogus));
        Assert.False(ChildStatusTypes.IsSend(bogus));
    }
}
