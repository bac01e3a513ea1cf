using Waymark.Domain.People;

namespace Waymark.Domain.Integrations;

/// <summary>
/// The rules for an integration (another system that reads Waymark through the API, e.g. the council's pupil database
/// syncing overnight): which roles it may act with, how long its token may live, what a token looks like.
/// </summary>
public static class IntegrationRules
{
    public const int MaximumNameLength = 100;

    /// <summary>A token lives at most a year: long enough for a yearly renewal, short enough that a forgotten one dies.</summary>
    public const int MaximumLifetimeDays = 365;

    /// <summary>Every token starts with this, so a leaked one is recognised by secret scanners and people alike.</summary>
    public const string TokenPrefix = "wmk_";

    /// <summary>Random bytes in a token: 32, so guessing one is out of the question.</summary>
    public const int TokenBytes = 32;

    /// <summary>Base64url characters for <see cref="TokenBytes"/> bytes, without padding.</summary>
    public const int TokenLength = 4 + 43;

    /// <summary>How much of a token is kept in the clear to recognise it by (the prefix and 8 characters).</summary>
    public const int VisiblePrefixLength = 12;

    /// <summary>
    /// The roles an integration may act with. Its data scope decides which children it sees, through the same rules as
    /// for people: LA-wide roles and school roles (with a school). Not the administrator (an integration needs no
    /// administration), not caseload roles (a caseload belongs to a person), not the analyst or the Caldicott Guardian
    /// (they open no records).
    /// </summary>
    public static IReadOnlyList<Role> RolesItMayActAs { get; } =
        [Role.LaOfficer, Role.AdvisoryTeacher, Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher];

    public static bool MayActAs(Role role) => RolesItMayActAs.Contains(role);

    /// <summary>What is wrong with a name for an integration, or null when it will do.</summary>
    public static string? NameProblem(string? name)
    {
        var text = name?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "Enter a name for the integration, for example \"Capita One nightly sync\"";
        }

        return text.Length > MaximumNameLength ? $"The name must be {MaximumNameLength} characters or fewer" : null;
    }

    /// <summary>What is wrong with the last day a token may be used, or null when it will do.</summary>
    public static string? ExpiryProblem(DateOnly? lastDay, DateOnly today)
    {
        if (lastDay is not DateOnly day)
        {
            return "Enter the last day the token can be used";
        }

        if (day <= today)
        {
            return "The last day the token can be used must be in the future";
        }

        return day > today.AddDays(MaximumLifetimeDays)
            ? $"The last day the token can be used must be no more than {MaximumLifetimeDays} days from today"
            : null;
    }

    /// <summary>True when <paramref name="token"/> has the shape of a Waymark token (prefix, length, base64url characters).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: TokenLength } && token.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && token.AsSpan(TokenPrefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>The part of a token kept in the clear, to tell tokens apart on the administrator's pages.</summary>
    public static string VisiblePrefix(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token[..Math.Min(VisiblePrefixLength, token.Length)];
    }
}
