using Waymark.Domain.People;

namespace Waymark.Domain.Tests.People;

public sealed class NeedToKnowTests
{
    [Theory]
    [InlineData(Role.LaAdmin, true)]
    [InlineData(Role.LaOfficer, true)]
    [InlineData(Role.AdvisoryTeacher, true)]
    [InlineData(Role.SenCaseOfficer, true)]
    [InlineData(Role.PfaWorker, false)]
    [InlineData(Role.LeadProfessional, false)]
    [InlineData(Role.SocialWorker, false)]
    [InlineData(Role.TransitionLead, false)]
    [InlineData(Role.Senco, false)]
    [InlineData(Role.AttendanceLead, false)]
    [InlineData(Role.Headteacher, false)]
    [InlineData(Role.Analyst, false)]
    [InlineData(Role.CaldicottGuardian, false)]
    public void Only_la_wide_roles_and_the_sen_team_may_open_a_record_with_a_reason(Role role, bool may)
    {
        Assert.Equal(may, NeedToKnow.CanBreakGlass(role));
    }

    [Fact]
    public void Every_role_is_decided()
    {
        // A new role must be placed deliberately: a missing arm in the rules would throw here.
        foreach (var role in Roles.All)
        {
            _ = NeedToKnow.CanBreakGlass(role);
            _ = Roles.CanOpenChildRecords(role);
        }
    }

    [Theory]
    [InlineData(null, "Enter why")]
    [InlineData("", "Enter why")]
    [InlineData("    \t ", "Enter why")]
    [InlineData("checking", "at least 20 characters")]
    [InlineData("  nineteen characters  ", "at least 20 characters")]
    public void A_reason_must_say_enough(string? reason, string problem)
    {
        Assert.Contains(problem, NeedToKnow.ReasonProblem(reason), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_of_twenty_to_a_thousand_characters_will_do()
    {
        Assert.Null(NeedToKnow.ReasonProblem(new string('a', 20)));
        Assert.Null(NeedToKnow.ReasonProblem("  " + new string('a', 1000) + "  "));
        Assert.Contains("1,000 characters or fewer", NeedToKnow.ReasonProblem(new string('a', 1001)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_holds_only_on_the_day_it_was_given()
    {
        var day = new DateOnly(2026, 12, 7);
        Assert.True(NeedToKnow.GrantHolds(day, day));
        Assert.False(NeedToKnow.GrantHolds(day, day.AddDays(1)));
        Assert.False(NeedToKnow.GrantHolds(day.AddDays(1), day));
    }
}
