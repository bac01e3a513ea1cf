namespace Waymark.Domain.Transitions;

/// <summary>Who gave consent to share. A looked-after child's consent may come from the LA as corporate parent.</summary>
public enum ConsentGiver
{
    Parent,
    Carer,
    YoungPerson,
    LocalAuthority,
}

/// <summary>The lawful basis of a share, recorded with every share.</summary>
public enum ShareBasis
{
    Consent,
    RiskOfHarm,
    StatutoryDuty,
}

public static class Sharing
{
    public const string TransitionPurpose =
        "Sharing the Transition Passport and the shareable sections of the transition profile with the secondary school the child is moving to";

    public const string TransitionWhat = "Transition Passport and shareable profile sections";

    /// <summary>
    /// The receiving school may see the passport only when the place is accepted and consent is
    /// in force. Returns null when sharing is allowed, otherwise what is missing.
    /// </summary>
    public static string? WhyNotShareable(bool hasDestination, DestinationStatus? status, bool consentInForce) =>
        (hasDestination, status, consentInForce) switch
        {
            (false, _, _) => "No destination secondary school is recorded",
            (_, not DestinationStatus.Accepted, false) => "The secondary school place is not yet accepted, and consent to share is not recorded",
            (_, not DestinationStatus.Accepted, _) => "The secondary school place is not yet accepted",
            (_, _, false) => "Consent to share is not recorded, or has been withdrawn",
            _ => null,
        };

    /// <summary>As <see cref="WhyNotShareable(bool, DestinationStatus?, bool)"/>, and nothing is shared for a child removed from the programme.</summary>
    public static string? WhyNotShareable(CohortDecision decision, bool hasDestination, DestinationStatus? status, bool consentInForce) =>
        decision == CohortDecision.Removed
            ? "The child was removed from the programme"
            : WhyNotShareable(hasDestination, status, consentInForce);

    public static string DisplayName(ConsentGiver giver) => giver switch
    {
        ConsentGiver.Parent => "Parent",
        ConsentGiver.Carer => "Carer",
        ConsentGiver.YoungPerson => "The young person",
        ConsentGiver.LocalAuthority => "The local authority (corporate parent)",
        _ => throw new ArgumentOutOfRangeException(nameof(giver), giver, "Unknown consent giver."),
    };

    public static string DisplayName(ShareBasis basis) => basis switch
    {
        ShareBasis.Consent => "Consent",
        ShareBasis.RiskOfHarm => "Without consent: risk of harm",
        ShareBasis.StatutoryDuty => "Without consent: statutory duty",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown share basis."),
    };
}
