using Waymark.Domain.Integrations;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.Integrations;

public class IntegrationRulesTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);

    [Theory]
    [InlineData(Role.LaOfficer, true)]
    [InlineData(Role.AdvisoryTeacher, true)]
    [InlineData(Role.TransitionLead, true)]
    [InlineData(Role.Senco, true)]
    [InlineData(Role.AttendanceLead, true)]
    [InlineData(Role.Headteacher, true)]
    [InlineData(Role.LaAdmin, false)]
    [InlineData(Role.SocialWorker, false)]
    [InlineData(Role.LeadProfessional, false)]
    [InlineData(Role.Analyst, false)]
    [InlineData(Role.CaldicottGuardian, false)]
    public void An_integration_acts_with_an_LA_wide_or_school_role_only(Role role, bool allowed)
    {
        Assert.Equal(allowed, IntegrationRules.MayActAs(role));
        if (allowed)
        {
            Assert.True(Roles.CanOpenChildRecords(role));
            Assert.NotEqual(DataScope.Caseload, Roles.ScopeOf(role));
        }
    }

    [Theory]
    [InlineData(null, "Enter the last day")]
    [InlineData(0, "must be in the future")]
    [InlineData(-1, "must be in the future")]
    [InlineData(366, "no more than 365 days")]
    public void The_last_day_must_be_in_the_future_and_within_a_year(int? daysAhead, string problem)
    {
        var day = daysAhead is int d ? Today.AddDays(d) : (DateOnly?)null;

        Assert.Contains(problem, IntegrationRules.ExpiryProblem(day, Today), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    [InlineData(365)]
    public void A_last_day_from_tomorrow_to_a_year_ahead_will_do(int daysAhead)
    {
        Assert.Null(IntegrationRules.ExpiryProblem(Today.AddDays(daysAhead), Today));
    }

    [Theory]
    [InlineData("", "Enter a name")]
    [InlineData("   ", "Enter a name")]
    public void A_name_is_required(string name, string problem)
    {
        Assert.Contains(problem, IntegrationRules.NameProblem(name), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_is_at_most_100_characters()
    {
        Assert.Null(IntegrationRules.NameProblem(new string('a', 100)));
        Assert.Contains("100 characters or fewer", IntegrationRules.NameProblem(new string('a', 101)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_is_the_prefix_and_43_base64url_characters()
    {
        var token = "wmk_" + new string('A', 40) + "-_9";

        Assert.True(IntegrationRules.LooksLikeToken(token));
        Assert.Equal("wmk_AAAAAAAA", IntegrationRules.VisiblePrefix(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wmk_")]
    [InlineData("wmk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wmk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wmk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("wmk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("wmk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    public void Anything_else_is_not_a_token(string? token)
    {
        Assert.False(IntegrationRules.LooksLikeToken(token));
    }
}
