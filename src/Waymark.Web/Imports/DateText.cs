namespace Waymark.Web.Imports;

/// <summary>
/// Dates as files and scripts write them: ISO yyyy-mm-dd, or d/m/yyyy as UK spreadsheets save them.
/// Parsed by hand over a span: an attendance file has one on each of millions of rows.
/// </summary>
public static class DateText
{
    public const string Expected = "yyyy-mm-dd or dd/mm/yyyy";

    public static bool TryParse(string? text, out DateOnly date) => TryParse((text ?? "").AsSpan().Trim(), out date);

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            if (!Digits(text[..4], out year) || !Digits(text.Slice(5, 2), out month) || !Digits(text.Slice(8, 2), out day))
            {
                return false;
            }
        }
        else
        {
            // d/m/yyyy with one- or two-digit day and month.
            var first = text.IndexOf('/');
            var second = first < 0 ? -1 : text[(first + 1)..].IndexOf('/') + first + 1;
            if (first is < 1 or > 2 || second - first - 1 is < 1 or > 2 || text.Length - second - 1 != 4
                || !Digits(text[..first], out day) || !Digits(text[(first + 1)..second], out month) || !Digits(text[(second + 1)..], out year))
            {
                return false;
            }
        }

        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
