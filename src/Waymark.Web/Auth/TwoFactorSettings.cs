using Waymark.Domain.People;

namespace Waymark.Web.Auth;

public enum TwoFactorRequirement
{
    Administrators,
    Everyone,
    None,
}

/// <summary>Who must use an authenticator app with their password (<c>Waymark:TwoFactor:RequiredFor</c>).</summary>
public sealed record TwoFactorSettings(TwoFactorRequirement RequiredFor)
{
    public static TwoFactorSettings From(string? setting) => (setting ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "administrators" => new(TwoFactorRequirement.Administrators),
        "everyone" => new(TwoFactorRequirement.Everyone),
        "none" => new(TwoFactorRequirement.None),

        // A mistyped setting must not quietly weaken sign-in.
        _ => throw new InvalidOperationException(
            $"Waymark:TwoFactor:RequiredFor is '{setting}'; it must be administrators, everyone or none."),
    };

    public bool RequiredForRole(Role role) => RequiredFor switch
    {
        TwoFactorRequirement.Everyone => true,
        TwoFactorRequirement.Administrators => role == Role.LaAdmin,
        _ => false,
    };
}
