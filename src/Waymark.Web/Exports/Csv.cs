namespace Waymark.Web.Exports;

/// <summary>
/// CSV as Waymark writes it (RFC 4180 quoting), with every cell made safe to open in a spreadsheet. Every CSV
/// that leaves Waymark goes through <see cref="Cell"/>.
/// </summary>
public static class Csv
{
    /// <summary>
    /// A cell starting with one of these would be read by Excel, LibreOffice or Google Sheets as a formula
    /// (OWASP, "CSV Injection"), so it gets a leading apostrophe, which they show as text.
    /// </summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>The value with a leading apostrophe when it could start a formula.</summary>
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is var first && Array.IndexOf(FormulaStarts, first) >= 0 ? "'" + value : value;

    /// <summary>One cell, neutralised, then quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        var safe = Neutralise(value);
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>A row of cells, without its line ending.</summary>
    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    public static string Row(params string?[] cells) => Row((IEnumerable<string?>)cells);
}
