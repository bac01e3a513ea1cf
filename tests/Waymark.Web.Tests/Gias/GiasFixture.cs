using System.Text;
using Waymark.Web.Imports;

namespace Waymark.Web.Tests.Gias;

/// <summary>
/// A GIAS fixture file (see Fixtures/README.md) read into rows, so a test can change a value, drop or add a row, or
/// reorder the columns, and write it back as GIAS would (Windows-1252, CRLF) or as a spreadsheet's "CSV UTF-8".
/// </summary>
internal sealed class GiasFixture
{
    public const int ServedLa = 305;

    private GiasFixture(List<string> header, List<List<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public List<string> Header { get; }

    public List<List<string>> Rows { get; }

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Gias", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static GiasFixture Load(string name)
    {
        var lines = CsvFile.Windows1252.GetString(Bytes(name)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return new GiasFixture(Split(lines[0]), [.. lines.Skip(1).Select(Split)]);
    }

    public List<string> Row(int urn) => Rows.Single(r => r[0] == urn.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public GiasFixture Set(int urn, string column, string value)
    {
        Row(urn)[Header.IndexOf(column)] = value;
        return this;
    }

    public GiasFixture Remove(int urn)
    {
        Rows.Remove(Row(urn));
        return this;
    }

    /// <summary>A copy of the row of <paramref name="urn"/> with other values, added at the end.</summary>
    public GiasFixture AddLike(int urn, params (string Column, string Value)[] changes)
    {
        var row = new List<string>(Row(urn));
        foreach (var (column, value) in changes)
        {
            row[Header.IndexOf(column)] = value;
        }

        Rows.Add(row);
        return this;
    }

    /// <summary>The columns in reverse order, which is as far from GIAS's as any.</summary>
    public GiasFixture Reversed()
    {
        Header.Reverse();
        foreach (var row in Rows)
        {
            row.Reverse();
        }

        return this;
    }

    public byte[] ToBytes(Encoding? encoding = null)
    {
        var text = string.Concat(new[] { Header }.Concat(Rows).Select(r => string.Join(",", r.Select(Quote)) + "\r\n"));
        return encoding is null ? CsvFile.Windows1252.GetBytes(text) : [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
