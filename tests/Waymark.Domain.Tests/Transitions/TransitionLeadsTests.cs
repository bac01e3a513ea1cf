using Waymark.Domain.People;
using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class TransitionLeadsTests
{
    [Theory]
    [InlineData(Role.LaAdmin, true, true)]
    [InlineData(Role.LaAdmin, false, true)]
    [InlineData(Role.LaOfficer, false, true)]
    [InlineData(Role.AdvisoryTeacher, false, false)]
    [InlineData(Role.SenCaseOfficer, false, false)]
    [InlineData(Role.Headteacher, true, true)]
    [InlineData(Role.Headteacher, false, false)]
    [InlineData(Role.TransitionLead, true, true)]
    [InlineData(Role.TransitionLead, false, false)]
    [InlineData(Role.Senco, true, false)]
    [InlineData(Role.AttendanceLead, true, false)]
    [InlineData(Role.SocialWorker, false, false)]
    [InlineData(Role.Analyst, false, false)]
    public void Who_may_name_and_end_leads(Role role, bool ownSchool, bool expected)
    {
        Assert.Equal(expected, TransitionLeads.CanChange(role, ownSchool));
    }

    [Theory]
    [InlineData(Role.LaAdmin, false, true)]
    [InlineData(Role.LaOfficer, false, true)]
    [InlineData(Role.AdvisoryTeacher, false, true)]
    [InlineData(Role.SenCaseOfficer, false, false)]
    [InlineData(Role.Senco, true, true)]
    [InlineData(Role.AttendanceLead, true, true)]
    [InlineData(Role.AttendanceLead, false, false)]
    [InlineData(Role.Headteacher, false, false)]
    [InlineData(Role.SocialWorker, false, false)]
    [InlineData(Role.Analyst, false, false)]
    public void Who_may_see_a_schools_leads(Role role, bool ownSchool, bool expected)
    {
        Assert.Equal(expected, TransitionLeads.CanSee(role, ownSchool));
    }
}
