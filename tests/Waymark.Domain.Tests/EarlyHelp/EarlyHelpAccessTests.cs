using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.EarlyHelp;

public class EarlyHelpAccessTests
{
    [Fact]
    public void The_las_early_help_reports_are_for_la_wide_roles_and_analysts_not_the_sen_team()
    {
        Assert.Equal([Role.LaAdmin, Role.LaOfficer, Role.AdvisoryTeacher, Role.Analyst], Roles.All.Where(EarlyHelpAccess.CanSeeReports));
    }
}
