namespace Waymark.Domain.Children;

public static class Sexes
{
    /// <summary>
    /// Reads "F", "M", "U" or the words (female, male, unknown, not known), in any case. Blank means Unknown.
    /// Anything else throws, so a bad import value is reported rather than quietly recorded as Unknown.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a recognised sex code or word.</exception>
    public static Sex FromCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Sex.Unknown;
        }

        return code.Trim().ToUpperInvariant() switch
        {
            "F" or "FEMALE" => Sex.Female,
            "M" or "MALE" => Sex.Male,
            "U" or "UNKNOWN" or "NOT KNOWN" => Sex.Unknown,
            _ => throw new ArgumentException($"'{code}' is not a recognised sex code (expected F, M or U).", nameof(code)),
        };
    }

    public static string Code(Sex sex) => sex switch
    {
        Sex.Female => "F",
        Sex.Male => "M",
        Sex.Unknown => "U",
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex value."),
    };
}
