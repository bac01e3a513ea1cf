using System.Globalization;

namespace Waymark.Domain.Calendar;

/// <summary>English school academic year, 1 September to 31 August, named by the year it starts in.</summary>
public readonly record struct AcademicYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 9, 1);

    public DateOnly End => new(StartYear + 1, 8, 31);

    public static AcademicYear Containing(DateOnly date) =>
        new(date.Month >= 9 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The DfE form, e.g. "2025/26".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:D2}");

    /// <summary>Accepts "2025/26", "2025-26", "2025/2026" and "2025"; the end year must follow the start year.</summary>
    public static bool TryParse(string value, out AcademicYear year)
    {
        year = default;
        if (value is null)
        {
            return false;
        }

        var text = value.Trim();
        if (text.Length < 4 || !TryParseDigits(text.AsSpan(0, 4), out var start) || start < 1000 || start > 9998)
        {
            return false;
        }

        if (text.Length > 4)
        {
            if (text[4] is not ('/' or '-'))
            {
                return false;
            }

            var end = text.AsSpan(5);
            if (!TryParseDigits(end, out var endYear))
            {
                return false;
            }

            var matches = end.Length switch
            {
                2 => endYear == (start + 1) % 100,
                4 => endYear == start + 1,
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        year = new AcademicYear(start);
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
