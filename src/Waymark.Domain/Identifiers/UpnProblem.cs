namespace Waymark.Domain.Identifiers;

/// <summary>The first problem found when checking a UPN, in the order <see cref="Upn.Validate"/> checks.</summary>
public enum UpnProblem
{
    None,
    Missing,
    WrongLength,
    BadCharacters,
    UnknownLaCode,
    WrongCheckLetter,
}
