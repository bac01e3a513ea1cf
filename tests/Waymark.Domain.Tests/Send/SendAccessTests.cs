using Waymark.Domain.People;
using Waymark.Domain.Send;

namespace Waymark.Domain.Tests.Send;

public class SendAccessTests
{
    [Theory]
    [InlineData(Role.SenCaseOfficer, true, true, true)]
    [InlineData(Role.Senco, true, false, false)]
    [InlineData(Role.LaOfficer, false, false, false)]
    [InlineData(Role.LaAdmin, false, false, false)]
    [InlineData(Role.Headteacher, false, false, false)]
    [InlineData(Role.SocialWorker, false, false, false)]
    [InlineData(Role.Analyst, false, false, false)]
    public void Only_the_sen_team_records_and_sees_the_cohort_and_sencos_see_their_school(Role role, bool view, bool record, bool cohort)
    {
        Assert.Equal(view, SendAccess.CanView(role));
        Assert.Equal(record, SendAccess.CanRecord(role));
        Assert.Equal(cohort, SendAccess.SeesWholeCohort(role));
    }
}
