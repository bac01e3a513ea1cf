using Waymark.Domain.Governance;
using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Governance;

public sealed class SharingRulesTests
{
    [Theory]
    [InlineData(null, "Enter what was shared")]
    [InlineData("", "Enter what was shared")]
    [InlineData("   ", "Enter what was shared")]
    public void Required_text_must_be_given(string? text, string problem)
    {
        Assert.Equal(problem, SharingRules.TextProblem(text, "what was shared"));
    }

    [Fact]
    public void Required_text_has_a_limit_counted_after_trimming()
    {
        Assert.Null(SharingRules.TextProblem("  " + new string('a', 200) + "  ", "the recipient"));
        Assert.Equal("The recipient must be 200 characters or fewer", SharingRules.TextProblem(new string('a', 201), "the recipient"));
        Assert.Equal("The purpose must be 1,000 characters or fewer", SharingRules.TextProblem(new string('a', 1001), "the purpose", 1000));
    }

    [Fact]
    public void A_basis_must_be_chosen_and_consent_must_be_one_in_force()
    {
        Assert.Equal("Select the basis for sharing", SharingRules.BasisProblem(null, consentChosenAndInForce: false));
        Assert.Contains("consent in force", SharingRules.BasisProblem(ShareBasis.Consent, consentChosenAndInForce: false), StringComparison.Ordinal);
        Assert.Null(SharingRules.BasisProblem(ShareBasis.Consent, consentChosenAndInForce: true));
        Assert.Null(SharingRules.BasisProblem(ShareBasis.RiskOfHarm, consentChosenAndInForce: false));
        Assert.Null(SharingRules.BasisProblem(ShareBasis.StatutoryDuty, consentChosenAndInForce: false));
    }

    [Theory]
    [InlineData(ShareBasis.RiskOfHarm, "", "Enter the risk of harm")]
    [InlineData(ShareBasis.StatutoryDuty, " ", "Enter the statutory duty")]
    [InlineData(ShareBasis.RiskOfHarm, "police asked", "at least 20 characters")]
    [InlineData(ShareBasis.StatutoryDuty, "nineteen characters", "at least 20 characters")]
    public void Sharing_without_consent_needs_a_reason_of_substance(ShareBasis basis, string reason, string problem)
    {
        Assert.Contains(problem, SharingRules.ReasonProblem(basis, reason), StringComparison.Ordinal);
    }

    [Fact]
    public void With_consent_the_reason_is_optional_but_never_unlimited()
    {
        Assert.Null(SharingRules.ReasonProblem(ShareBasis.Consent, null));
        Assert.Null(SharingRules.ReasonProblem(ShareBasis.Consent, "short"));
        Assert.Null(SharingRules.ReasonProblem(ShareBasis.RiskOfHarm, new string('r', SharingRules.MinimumReasonWithoutConsent)));
        Assert.Contains("1,000 characters or fewer", SharingRules.ReasonProblem(ShareBasis.Consent, new string('r', 1001)), StringComparison.Ordinal);
        Assert.Contains("1,000 characters or fewer", SharingRules.ReasonProblem(ShareBasis.RiskOfHarm, new string('r', 1001)), StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_not_in_the_future_nor_before_what_they_follow()
    {
        var today = new DateOnly(2026, 12, 7);
        Assert.Null(SharingRules.DateProblem(today, today, "The date it was shared"));
        Assert.Equal("The date it was shared must be today or in the past", SharingRules.DateProblem(today.AddDays(1), today, "The date it was shared"));
        Assert.Equal("The date consent was withdrawn must be the same as or after the date it was given (1 December 2026)",
            SharingRules.DateProblem(new DateOnly(2026, 11, 30), today, "The date consent was withdrawn", new DateOnly(2026, 12, 1), "the date it was given"));
        Assert.Null(SharingRules.DateProblem(new DateOnly(2026, 12, 1), today, "The date consent was withdrawn", new DateOnly(2026, 12, 1), "the date it was given"));
    }
}
