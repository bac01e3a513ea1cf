using System.Globalization;

namespace Waymark.Web.Imports;

/// <summary>Dates as files and scripts write them: ISO yyyy-mm-dd, or dd/mm/yyyy as UK spreadsheets save them.</summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public const string Expected = "yyyy-mm-dd or dd/mm/yyyy";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
