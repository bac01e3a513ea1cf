using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Exports;

namespace Waymark.Web.Features.Shared.Downloads;

/// <summary>
/// A table of figures as a download offers it: a file name (no extension), the headers and the rows, each cell as the
/// page shows it. Whoever builds one applies small-number suppression first (every download is suppressed: docs/kpis.md).
/// </summary>
public sealed record DownloadTable(string FileName, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

public enum DownloadFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Any table as CSV (through <see cref="Csv"/>, so no cell can start a formula) or XLSX (ClosedXML, every cell written
/// as text, so it cannot be a formula either), each download audited as <see cref="AuditActions.TableDownloaded"/>.
/// A page offers them with the _DownloadLinks partial and answers with <see cref="FileAsync"/>.
/// </summary>
public sealed partial class TableDownloads(Auditor auditor)
{
    public const string CsvType = "text/csv; charset=utf-8";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool TryParse(string? format, out DownloadFormat parsed)
    {
        parsed = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? DownloadFormat.Xlsx : DownloadFormat.Csv;
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
    }

    public async Task<FileContentResult> FileAsync(DownloadTable table, DownloadFormat format, string auditDetail, string auditAction = AuditActions.TableDownloaded)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = format == DownloadFormat.Xlsx
            ? new FileContentResult(ToXlsx([table]), XlsxType) { FileDownloadName = table.FileName + ".xlsx" }
            : new FileContentResult(ToCsv(table), CsvType) { FileDownloadName = table.FileName + ".csv" };
        await auditor.RecordNowAsync(auditAction, detail: $"{table.Title} ({format.ToString().ToUpperInvariant()}): {auditDetail}");
        return result;
    }

    /// <summary>Several tables as one XLSX workbook, a sheet each (named by the table's title), audited once.</summary>
    public async Task<FileContentResult> WorkbookAsync(string fileName, IReadOnlyList<DownloadTable> sheets, string auditDetail, string auditAction = AuditActions.TableDownloaded)
    {
        var result = new FileContentResult(ToXlsx(sheets), XlsxType) { FileDownloadName = fileName + ".xlsx" };
        await auditor.RecordNowAsync(auditAction, detail: $"{string.Join(", ", sheets.Select(s => s.Title))} (XLSX workbook): {auditDetail}");
        return result;
    }

    public static byte[] ToCsv(DownloadTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        text.Append(Csv.Row(table.Headers)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(Csv.Row(row)).Append("\r\n");
        }

        // With a byte order mark, so Excel reads the UTF-8 as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx(IReadOnlyList<DownloadTable> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var book = new XLWorkbook();
        foreach (var table in sheets)
        {
            AddSheet(book, table);
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void AddSheet(XLWorkbook book, DownloadTable table)
    {
        // Sheet names are at most 31 characters and may not hold []:*?/\.
        var name = new string(table.Title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        var sheet = book.Worksheets.Add(name.Length > 31 ? name[..31] : name);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(table.Headers[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Rows[r].Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                var text = table.Rows[r][c];
                if (PlainNumber().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    // A figure stays a number the spreadsheet can add up.
                    cell.SetValue(number);
                }
                else
                {
                    // SetValue with a string stores text, never a formula, whatever the string starts with.
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                }
            }
        }

        // A fixed width: ClosedXML 0.95 measures text with System.Drawing, which .NET does not support on Linux.
        sheet.Columns(1, Math.Max(1, table.Headers.Count)).Width = 24;
    }

    // "12", "-3.5", "0.25", "1E-05": a number as code writes one. Not "007" (a code whose zeros matter) or "4.10%".
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?(E[-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}

/// <summary>What the _DownloadLinks partial needs: the page's address for a table, and the table's name in words.</summary>
public sealed record DownloadLinks(string Href, string TableName);
