using System.Globalization;

namespace Waymark.Domain.Identifiers;

/// <summary>
/// Unique Pupil Number: check letter, LA number (3), establishment number (4),
/// allocation year (2), serial (3, or 2 plus a letter for a temporary UPN).
/// </summary>
public static class Upn
{
    public const int Length = 13;

    /// <summary>Mod-23 check letter table; I, O and S are left out because they look like 1, 0 and 5.</summary>
    public const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToUpperInvariant();
    }

    /// <summary>Computes the check letter from characters 2–13; the first character is ignored.</summary>
    /// <exception cref="ArgumentException">The value is not 13 characters or has characters the sum cannot use.</exception>
    public static char ComputeCheckLetter(string upn)
    {
        ArgumentNullException.ThrowIfNull(upn);
        var value = Normalise(upn);
        if (value.Length != Length)
        {
            throw new ArgumentException($"A UPN must be {Length} characters to compute its check letter.", nameof(upn));
        }

        var sum = 0;
        for (var position = 2; position <= Length; position++)
        {
            var c = value[position - 1];
            int digit;
            if (char.IsAsciiDigit(c))
            {
                digit = c - '0';
            }
            else if (position == Length && CheckLetters.Contains(c, StringComparison.Ordinal))
            {
                // Temporary UPNs end in a letter, which counts as its index in the check-letter table.
                digit = CheckLetters.IndexOf(c, StringComparison.Ordinal);
            }
            else
            {
                throw new ArgumentException(
                    $"Character {position} of the UPN ('{c}') cannot be used to compute a check letter.", nameof(upn));
            }

            sum += digit * position;
        }

        return CheckLetters[sum % 23];
    }

    public static UpnValidation Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new UpnValidation(UpnProblem.Missing, "Enter a UPN");
        }

        var upn = Normalise(value);
        if (upn.Length != Length)
        {
            return new UpnValidation(
                UpnProblem.WrongLength, $"UPN must be {Length} characters (this one has {upn.Length})");
        }

        if (!CheckLetters.Contains(upn[0], StringComparison.Ordinal))
        {
            return new UpnValidation(
                UpnProblem.BadCharacters,
                $"UPN must start with a check letter (A to Z, but not I, O or S), not '{upn[0]}'");
        }

        for (var i = 1; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(upn[i]))
            {
                return new UpnValidation(
                    UpnProblem.BadCharacters,
                    $"UPN characters 2 to 12 must be digits, but character {i + 1} is '{upn[i]}'");
            }
        }

        var last = upn[Length - 1];
        if (!char.IsAsciiDigit(last) && !CheckLetters.Contains(last, StringComparison.Ordinal))
        {
            return new UpnValidation(
                UpnProblem.BadCharacters,
                $"The last character of a UPN must be a digit or a letter other than I, O or S, not '{last}'");
        }

        var laCode = int.Parse(upn.AsSpan(1, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        if (!LocalAuthorityCodes.IsRecognised(laCode))
        {
            return new UpnValidation(
                UpnProblem.UnknownLaCode,
                $"UPN LA number {upn.Substring(1, 3)} is not a DfE local authority code");
        }

        var expected = ComputeCheckLetter(upn);
        if (expected != upn[0])
        {
            return new UpnValidation(
                UpnProblem.WrongCheckLetter, $"UPN check letter should be {expected}, not {upn[0]}");
        }

        return UpnValidation.Valid;
    }

    /// <summary>True when the UPN ends in a letter, the mark of a temporary UPN.</summary>
    public static bool IsTemporary(string upn)
    {
        ArgumentNullException.ThrowIfNull(upn);
        var value = upn.Trim();
        return value.Length > 0 && char.IsAsciiLetter(value[^1]);
    }

    /// <summary>Builds a permanent UPN that passes <see cref="Validate"/>.</summary>
    /// <param name="allocationYear">Only its last two digits are used, so 2025 and 25 give the same UPN.</param>
    public static string Create(int laCode, int establishmentNumber, int allocationYear, int serial)
    {
        if (!LocalAuthorityCodes.IsRecognised(laCode))
        {
            throw new ArgumentOutOfRangeException(nameof(laCode), laCode, "Not a recognised DfE LA code.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(establishmentNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(establishmentNumber, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(allocationYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(allocationYear, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999);

        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"{laCode:D3}{establishmentNumber:D4}{allocationYear % 100:D2}{serial:D3}");

        // The check letter ignores character 1, so any placeholder works while computing it.
        var check = ComputeCheckLetter("A" + body);
        return check + body;
    }
}
