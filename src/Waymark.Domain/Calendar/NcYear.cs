using System.Globalization;

namespace Waymark.Domain.Calendar;

/// <summary>
/// National Curriculum year (NCyearActual) as a number: E1 = −4, E2 = −3, N1 = −2, N2 = −1,
/// R = 0, then years 1 to 14. "X" (curriculum not followed) is not a year and is not represented.
/// </summary>
public readonly record struct NcYear(int Value)
{
    public const int MinValue = -4;
    public const int MaxValue = 14;

    public int Value { get; } = Value is >= MinValue and <= MaxValue
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, $"NC year must be between {MinValue} and {MaxValue}.");

    public static IReadOnlyList<NcYear> All { get; } =
        Enumerable.Range(MinValue, MaxValue - MinValue + 1).Select(v => new NcYear(v)).ToArray().AsReadOnly();

    public static NcYear Reception => new(0);

    /// <summary>The census code: "E1", "E2", "N1", "N2", "R", "1" … "14".</summary>
    public string Code => Value switch
    {
        -4 => "E1",
        -3 => "E2",
        -2 => "N1",
        -1 => "N2",
        0 => "R",
        _ => Value.ToString(CultureInfo.InvariantCulture),
    };

    public string DisplayName => Value switch
    {
        -4 => "Early years 1",
        -3 => "Early years 2",
        -2 => "Nursery 1",
        -1 => "Nursery 2",
        0 => "Reception",
        _ => "Year " + Value.ToString(CultureInfo.InvariantCulture),
    };

    public bool IsPrimary => Value is >= 0 and <= 6;

    public bool IsSecondary => Value is >= 7 and <= 11;

    public override string ToString() => Code;

    /// <summary>
    /// Accepts codes and display names in any case, ignoring spaces: "R", "Reception", "6", "Y6",
    /// "Year 6", "N2", "Nursery 2", "E1", "Early years 1".
    /// </summary>
    public static bool TryParse(string code, out NcYear year)
    {
        year = default;
        if (code is null)
        {
            return false;
        }

        var text = code.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        int? value = text switch
        {
            "E1" or "EARLYYEARS1" => -4,
            "E2" or "EARLYYEARS2" => -3,
            "N1" or "NURSERY1" => -2,
            "N2" or "NURSERY2" => -1,
            "R" or "RECEPTION" => 0,
            _ => ParseYearNumber(text),
        };

        if (value is null)
        {
            return false;
        }

        year = new NcYear(value.Value);
        return true;
    }

    private static int? ParseYearNumber(string text)
    {
        var digits = text.StartsWith("YEAR", StringComparison.Ordinal) ? text[4..]
            : text.StartsWith('Y') ? text[1..]
            : text;

        // Year 0 is written R, so only 1 to 14 are accepted as numbers.
        if (digits.Length is < 1 or > 2 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return number is >= 1 and <= MaxValue ? number : null;
    }
}
