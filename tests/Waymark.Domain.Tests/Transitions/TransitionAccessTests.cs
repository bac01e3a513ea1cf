using Waymark.Domain.People;
using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class TransitionAccessTests
{
    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Without_a_relationship_nobody_gets_anything(Role role) =>
        Assert.Equal(TransitionRights.None, TransitionAccess.For(role, TransitionRelationship.None));

    [Fact]
    public void LA_officers_and_administrators_run_everything_before_the_move()
    {
        foreach (var role in new[] { Role.LaAdmin, Role.LaOfficer })
        {
            var rights = TransitionAccess.For(role, TransitionRelationship.LocalAuthority);

            Assert.True(rights.SeeRestricted && rights.SeeShareable && rights.SeePlanning && rights.EditProfile && rights.SetSharingLevel);
            Assert.True(rights.DecideCohort && rights.SetDestination && rights.RecordConsent && rights.RecordFollowUp);
            Assert.False(rights.Acknowledge);
        }
    }

    [Fact]
    public void The_advisory_teacher_sees_all_and_works_on_the_plan_but_does_not_decide_for_the_LA()
    {
        var rights = TransitionAccess.For(Role.AdvisoryTeacher, TransitionRelationship.LocalAuthority);

        Assert.True(rights.SeeRestricted && rights.EditProfile && rights.EditPlanning);
        Assert.False(rights.DecideCohort || rights.SetDestination || rights.RecordConsent || rights.RecordFollowUp);
    }

    [Fact]
    public void An_LA_relationship_means_nothing_to_a_school_role() =>
        Assert.Equal(TransitionRights.None, TransitionAccess.For(Role.Headteacher, TransitionRelationship.LocalAuthority));

    [Fact]
    public void The_sen_team_reads_a_cohort_childs_transition_and_changes_nothing()
    {
        var rights = TransitionAccess.For(Role.SenCaseOfficer, TransitionRelationship.SendTeam);

        Assert.Equal(TransitionRights.None with { SeeShareable = true, SeeRestricted = true, SeePlanning = true, SeeFollowUp = true }, rights);
    }

    [Fact]
    public void The_sen_team_gets_nothing_from_an_la_relationship_and_no_one_else_from_the_sen_teams()
    {
        Assert.Equal(TransitionRights.None, TransitionAccess.For(Role.SenCaseOfficer, TransitionRelationship.LocalAuthority));
        Assert.All(Roles.All.Where(r => r != Role.SenCaseOfficer),
            r => Assert.Equal(TransitionRights.None, TransitionAccess.For(r, TransitionRelationship.SendTeam)));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Only_la_wide_roles_see_the_programme_not_the_sen_team(Role role) =>
        Assert.Equal(role is Role.LaAdmin or Role.LaOfficer or Role.AdvisoryTeacher, TransitionAccess.CanSeeProgramme(role));

    [Fact]
    public void The_childs_social_worker_sees_restricted_sections_and_records_consent()
    {
        var rights = TransitionAccess.For(Role.SocialWorker, TransitionRelationship.SocialWorker);

        Assert.True(rights.SeeRestricted && rights.EditProfile && rights.SetSharingLevel && rights.RecordConsent && rights.EditPlanning);
        Assert.False(rights.DecideCohort || rights.SetDestination);
    }

    [Theory]
    [InlineData(Role.TransitionLead, true)]
    [InlineData(Role.Senco, true)]
    [InlineData(Role.Headteacher, true)]
    [InlineData(Role.AttendanceLead, false)]
    public void The_sending_school_never_sees_restricted_sections_and_only_its_transition_staff_write(Role role, bool writes)
    {
        var rights = TransitionAccess.For(role, TransitionRelationship.SendingSchool);

        Assert.True(rights.SeeShareable && rights.SeePlanning);
        Assert.False(rights.SeeRestricted || rights.SetSharingLevel || rights.DecideCohort || rights.Acknowledge);
        Assert.Equal(writes, rights.EditProfile);
        Assert.Equal(writes, rights.EditPlanning);
        Assert.Equal(writes, rights.SetDestination);
        Assert.False(rights.CanEdit(SharingLevel.Restricted));
        Assert.Equal(writes, rights.CanEdit(SharingLevel.Shareable));
    }

    [Theory]
    [InlineData(Role.TransitionLead, true)]
    [InlineData(Role.Senco, true)]
    [InlineData(Role.Headteacher, false)]
    [InlineData(Role.AttendanceLead, false)]
    public void A_share_reaches_only_the_receiving_schools_transition_lead_and_senco_and_only_the_shareable_parts(Role role, bool receives)
    {
        var rights = TransitionAccess.For(role, TransitionRelationship.ReceivingSchoolShared);

        Assert.Equal(receives, rights.SeeShareable);
        Assert.Equal(receives, rights.Acknowledge);
        Assert.False(rights.SeeRestricted || rights.SeePlanning || rights.EditProfile || rights.SeeFollowUp);
    }

    [Fact]
    public void After_the_move_the_secondary_school_follows_the_child_up_without_seeing_the_profile()
    {
        var rights = TransitionAccess.For(Role.Headteacher, TransitionRelationship.ReceivingSchoolOnRoll);

        Assert.True(rights.SeeFollowUp && rights.RecordFollowUp && rights.Any);
        Assert.False(rights.SeeShareable || rights.SeePlanning);
        Assert.False(TransitionAccess.For(Role.AttendanceLead, TransitionRelationship.ReceivingSchoolOnRoll).RecordFollowUp);
    }

    [Fact]
    public void Relationships_add_up()
    {
        var rights = TransitionAccess.For(Role.TransitionLead, TransitionRelationship.ReceivingSchoolShared | TransitionRelationship.ReceivingSchoolOnRoll);

        Assert.True(rights.SeeShareable && rights.Acknowledge && rights.RecordFollowUp);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Only_those_who_act_for_the_sending_school_or_the_LA_send_the_common_transfer_file(Role role)
    {
        var everything = TransitionRelationship.LocalAuthority | TransitionRelationship.SocialWorker | TransitionRelationship.SendingSchool
            | TransitionRelationship.ReceivingSchoolShared | TransitionRelationship.ReceivingSchoolOnRoll | TransitionRelationship.SendTeam;
        var actsForSender = role is Role.LaAdmin or Role.LaOfficer or Role.TransitionLead or Role.Senco or Role.Headteacher;

        Assert.Equal(actsForSender, TransitionAccess.For(role, everything).SendCommonTransferFile);
        Assert.False(TransitionAccess.For(role, TransitionRelationship.ReceivingSchoolShared | TransitionRelationship.ReceivingSchoolOnRoll | TransitionRelationship.SocialWorker)
            .SendCommonTransferFile);
    }

    [Fact]
    public void The_analyst_never_reaches_a_childs_transition()
    {
        var everything = TransitionRelationship.LocalAuthority | TransitionRelationship.SocialWorker | TransitionRelationship.SendingSchool
            | TransitionRelationship.ReceivingSchoolShared | TransitionRelationship.ReceivingSchoolOnRoll | TransitionRelationship.SendTeam;

        Assert.Equal(TransitionRights.None, TransitionAccess.For(Role.Analyst, everything));
        Assert.False(TransitionAccess.CanSeeProgramme(Role.Analyst));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Only_officers_and_administrators_manage_the_programme(Role role) =>
        Assert.Equal(role is Role.LaAdmin or Role.LaOfficer, TransitionAccess.CanManageProgramme(role));
}
