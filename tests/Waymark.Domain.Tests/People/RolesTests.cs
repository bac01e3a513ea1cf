using Waymark.Domain.People;

namespace Waymark.Domain.Tests.People;

public class RolesTests
{
    [Fact]
    public void All_lists_every_role_once()
    {
        Assert.Equal(Enum.GetValues<Role>(), Roles.All);
        Assert.Equal(13, Roles.All.Count);
    }

    [Theory]
    [InlineData(Role.LaAdmin, "la-admin", "LA administrator")]
    [InlineData(Role.LaOfficer, "la-officer", "LA officer")]
    [InlineData(Role.SocialWorker, "social-worker", "Social worker")]
    [InlineData(Role.AdvisoryTeacher, "advisory-teacher", "Advisory teacher")]
    [InlineData(Role.TransitionLead, "transition-lead", "Transition Lead")]
    [InlineData(Role.Senco, "senco", "SENCo")]
    [InlineData(Role.AttendanceLead, "attendance-lead", "Attendance lead")]
    [InlineData(Role.Headteacher, "headteacher", "Headteacher")]
    [InlineData(Role.Analyst, "analyst", "Analyst")]
    [InlineData(Role.LeadProfessional, "lead-professional", "Lead Professional")]
    [InlineData(Role.CaldicottGuardian, "caldicott-guardian", "Caldicott Guardian")]
    [InlineData(Role.PfaWorker, "pfa-worker", "Preparing for adulthood worker")]
    [InlineData(Role.SenCaseOfficer, "sen-officer", "SEN case officer")]
    public void Command_and_display_names(Role role, string commandName, string displayName)
    {
        Assert.Equal(commandName, Roles.CommandName(role));
        Assert.Equal(displayName, Roles.DisplayName(role));
    }

    [Fact]
    public void Every_command_name_parses_back_in_any_case()
    {
        foreach (var role in Roles.All)
        {
            var name = Roles.CommandName(role);

            Assert.True(Roles.TryParse(name, out var parsed), name);
            Assert.Equal(role, parsed);
            Assert.True(Roles.TryParse(name.ToUpperInvariant(), out var upper), name);
            Assert.Equal(role, upper);
        }
    }

    [Fact]
    public void Command_and_display_names_are_unique()
    {
        Assert.Equal(Roles.All.Count, Roles.All.Select(Roles.CommandName).Distinct().Count());
        Assert.Equal(Roles.All.Count, Roles.All.Select(Roles.DisplayName).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("LaAdmin")]
    [InlineData("la_admin")]
    [InlineData("la admin")]
    [InlineData("admin")]
    [InlineData(" senco")]
    [InlineData("LA administrator")]
    [InlineData("0")]
    [InlineData("teacher")]
    public void TryParse_accepts_only_exact_command_names(string text)
    {
        Assert.False(Roles.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(Roles.TryParse(null!, out _));
    }

    [Theory]
    [InlineData(Role.LaAdmin, DataScope.LocalAuthority)]
    [InlineData(Role.LaOfficer, DataScope.LocalAuthority)]
    [InlineData(Role.AdvisoryTeacher, DataScope.LocalAuthority)]
    [InlineData(Role.SenCaseOfficer, DataScope.SendCohort)]
    [InlineData(Role.TransitionLead, DataScope.School)]
    [InlineData(Role.Senco, DataScope.School)]
    [InlineData(Role.AttendanceLead, DataScope.School)]
    [InlineData(Role.Headteacher, DataScope.School)]
    [InlineData(Role.SocialWorker, DataScope.Caseload)]
    [InlineData(Role.Analyst, DataScope.Pseudonymised)]
    [InlineData(Role.LeadProfessional, DataScope.Caseload)]
    [InlineData(Role.PfaWorker, DataScope.Caseload)]
    public void Scope_table(Role role, DataScope scope)
    {
        Assert.Equal(scope, Roles.ScopeOf(role));
    }

    [Fact]
    public void Only_school_scoped_roles_require_a_school()
    {
        var requiring = Roles.All.Where(Roles.RequiresSchool).ToHashSet();

        Assert.Equal(
            new HashSet<Role> { Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher },
            requiring);
    }

    [Fact]
    public void Analysts_and_the_caldicott_guardian_cannot_open_child_records()
    {
        Assert.Equal([Role.Analyst, Role.CaldicottGuardian], Roles.All.Where(r => !Roles.CanOpenChildRecords(r)));
    }

    [Fact]
    public void Only_the_sen_case_officer_is_scoped_to_the_send_cohort()
    {
        Assert.Equal([Role.SenCaseOfficer], Roles.All.Where(r => Roles.ScopeOf(r) == DataScope.SendCohort));
    }

    [Fact]
    public void Benchmarking_is_for_la_wide_roles_and_analysts_not_the_sen_team()
    {
        Assert.Equal([Role.LaAdmin, Role.LaOfficer, Role.AdvisoryTeacher, Role.Analyst], Roles.All.Where(Roles.CanSeeBenchmarking));
    }

    [Fact]
    public void Only_la_admins_and_the_caldicott_guardian_see_the_audit_reports()
    {
        Assert.Equal([Role.LaAdmin, Role.CaldicottGuardian], Roles.All.Where(Roles.CanSeeAuditReports));
    }

    [Fact]
    public void Only_la_admins_can_administer_users()
    {
        Assert.Equal([Role.LaAdmin], Roles.All.Where(Roles.CanAdministerUsers));
    }

    [Fact]
    public void Undefined_role_values_throw()
    {
        var bogus = (Role)99;

        Assert.Throws<ArgumentOutOfRangeException>(() => Roles.CommandName(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => Roles.DisplayName(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => Roles.ScopeOf(bogus));
        Assert.False(Roles.CanAdministerUsers(bogus));
    }
}
