using Waymark.Domain.People;

namespace Waymark.Domain.Tests.People;

public class KeyPersonRolesTests
{
    [Theory]
    [InlineData(KeyPersonRole.SocialWorker, "Social worker")]
    [InlineData(KeyPersonRole.LeadProfessional, "Lead Professional")]
    [InlineData(KeyPersonRole.AdvisoryTeacher, "Advisory teacher")]
    [InlineData(KeyPersonRole.TransitionLead, "Transition Lead")]
    [InlineData(KeyPersonRole.Senco, "SENCo")]
    [InlineData(KeyPersonRole.VirtualSchool, "Virtual school")]
    public void Display_names(KeyPersonRole role, string expected)
    {
        Assert.Equal(expected, KeyPersonRoles.DisplayName(role));
    }

    [Fact]
    public void Every_value_has_a_distinct_display_name()
    {
        var values = Enum.GetValues<KeyPersonRole>();

        Assert.Equal(6, values.Length);
        Assert.Equal(values.Length, values.Select(KeyPersonRoles.DisplayName).Distinct().Count());
    }

    [Fact]
    public void Undefined_value_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyPersonRoles.DisplayName((KeyPersonRole)42));
    }
}
