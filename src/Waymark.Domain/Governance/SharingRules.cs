using Waymark.Domain.Transitions;

namespace Waymark.Domain.Governance;

/// <summary>
/// What a consent and a share must say before they go in a child's sharing ledger (UK GDPR articles 6 and 9; the
/// Caldicott principles; "Information sharing: advice for practitioners", DfE 2024). A share rests on consent in force
/// for that purpose, or, without consent, on a risk of harm to the child or a statutory duty, with the reason written
/// down so that the decision can be explained later.
/// </summary>
public static class SharingRules
{
    public const int MaxTextLength = 200;

    public const int MaxLongTextLength = 1000;

    /// <summary>Sharing without consent is a decision someone must be able to account for: a sentence, not a word.</summary>
    public const int MinimumReasonWithoutConsent = 20;

    /// <summary>A required short text (a purpose, the data covered, a name, what was shared, the recipient): null when it will do.</summary>
    public static string? TextProblem(string? text, string whatToEnter, int maxLength = MaxTextLength)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return $"Enter {whatToEnter}";
        }

        return value.Length > maxLength ? $"{char.ToUpperInvariant(whatToEnter[0])}{whatToEnter[1..]} must be {maxLength:N0} characters or fewer" : null;
    }

    /// <summary>
    /// What is wrong with the basis of a share, or null when it will do. With consent, a consent in force must be
    /// chosen; without it, the reason must say why.
    /// </summary>
    public static string? BasisProblem(ShareBasis? basis, bool consentChosenAndInForce)
    {
        return basis switch
        {
            null => "Select the basis for sharing",
            ShareBasis.Consent when !consentChosenAndInForce => "Select the consent in force that covers this share, or choose another basis",
            _ => null,
        };
    }

    /// <summary>The reason for a share: required, and substantial, when there is no consent.</summary>
    public static string? ReasonProblem(ShareBasis? basis, string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length > MaxLongTextLength)
        {
            return $"The reason must be {MaxLongTextLength:N0} characters or fewer";
        }

        if (basis is ShareBasis.RiskOfHarm or ShareBasis.StatutoryDuty)
        {
            if (text.Length == 0)
            {
                return basis == ShareBasis.RiskOfHarm
                    ? "Enter the risk of harm that made it necessary to share without consent"
                    : "Enter the statutory duty that required the share";
            }

            if (text.Length < MinimumReasonWithoutConsent)
            {
                return $"Give the reason in at least {MinimumReasonWithoutConsent} characters, so that someone reading it later understands the decision";
            }
        }

        return null;
    }

    /// <summary>A date something happened (consent given, withdrawn, information shared): not in the future, and not before <paramref name="notBefore"/>.</summary>
    public static string? DateProblem(DateOnly date, DateOnly today, string what, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (date > today)
        {
            return $"{what} must be today or in the past";
        }

        return notBefore is DateOnly earliest && date < earliest
            ? $"{what} must be the same as or after {notBeforeWhat} ({earliest:d MMMM yyyy})"
            : null;
    }
}
