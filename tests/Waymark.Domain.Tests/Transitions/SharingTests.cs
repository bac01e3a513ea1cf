using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class SharingTests
{
    private const string NoDestination = "No destination secondary school is recorded";
    private const string NeitherAcceptedNorConsent = "The secondary school place is not yet accepted, and consent to share is not recorded";
    private const string NotAccepted = "The secondary school place is not yet accepted";
    private const string NoConsent = "Consent to share is not recorded, or has been withdrawn";

    // Every combination: with and without a destination, each status (and none), with and without consent.
    [Theory]
    [InlineData(false, null, false, NoDestination)]
    [InlineData(false, null, true, NoDestination)]
    [InlineData(false, DestinationStatus.Preference, false, NoDestination)]
    [InlineData(false, DestinationStatus.Preference, true, NoDestination)]
    [InlineData(false, DestinationStatus.Offered, false, NoDestination)]
    [InlineData(false, DestinationStatus.Offered, true, NoDestination)]
    [InlineData(false, DestinationStatus.Accepted, false, NoDestination)]
    [InlineData(false, DestinationStatus.Accepted, true, NoDestination)]
    [InlineData(true, null, false, NeitherAcceptedNorConsent)]
    [InlineData(true, null, true, NotAccepted)]
    [InlineData(true, DestinationStatus.Preference, false, NeitherAcceptedNorConsent)]
    [InlineData(true, DestinationStatus.Preference, true, NotAccepted)]
    [InlineData(true, DestinationStatus.Offered, false, NeitherAcceptedNorConsent)]
    [InlineData(true, DestinationStatus.Offered, true, NotAccepted)]
    [InlineData(true, DestinationStatus.Accepted, false, NoConsent)]
    [InlineData(true, DestinationStatus.Accepted, true, null)]
    public void Sharing_needs_a_destination_an_accepted_place_and_consent(bool hasDestination, DestinationStatus? status, bool consent, string? expected)
    {
        Assert.Equal(expected, Sharing.WhyNotShareable(hasDestination, status, consent));
    }

    [Fact]
    public void Only_an_accepted_place_with_consent_is_shareable()
    {
        var statuses = Enum.GetValues<DestinationStatus>().Select(s => (DestinationStatus?)s).Append(null).ToList();
        var allowed =
            from destination in new[] { false, true }
            from status in statuses
            from consent in new[] { false, true }
            where Sharing.WhyNotShareable(destination, status, consent) is null
            select (destination, status, consent);

        Assert.Equal([(true, DestinationStatus.Accepted, true)], allowed.ToList());
    }

    [Fact]
    public void Every_consent_giver_and_basis_has_a_distinct_display_name()
    {
        var givers = Enum.GetValues<ConsentGiver>().Select(Sharing.DisplayName).ToList();
        var bases = Enum.GetValues<ShareBasis>().Select(Sharing.DisplayName).ToList();

        Assert.Equal(givers.Count, givers.Distinct().Count());
        Assert.Equal(bases.Count, bases.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => Sharing.DisplayName((ConsentGiver)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sharing.DisplayName((ShareBasis)42));
    }

    [Fact]
    public void Nothing_is_shared_for_a_child_removed_from_the_programme()
    {
        Assert.Equal("The child was removed from the programme",
            Sharing.WhyNotShareable(CohortDecision.Removed, hasDestination: true, DestinationStatus.Accepted, consentInForce: true));
        Assert.Null(Sharing.WhyNotShareable(CohortDecision.Confirmed, hasDestination: true, DestinationStatus.Accepted, consentInForce: true));
    }
}
