using System.Text;

namespace Waymark.Web.Tests.Benchmarking;

/// <summary>DfE's real year-to-date attendance file (Fixtures/README.md), and copies of it with one thing broken.</summary>
internal static class DfeAttendanceFixture
{
    public const string Name = "ees-ytd-attendance-202526.csv";

    public static string PathOf(string name = Name) => Path.Combine(AppContext.BaseDirectory, "Benchmarking", "Fixtures", name);

    public static byte[] Bytes() => File.ReadAllBytes(PathOf());

    public static string[] Lines() => File.ReadAllText(PathOf(), Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The file with the cell in <paramref name="column"/> of line <paramref name="line"/> (1 is the header) set to <paramref name="value"/>.</summary>
    public static byte[] WithCell(int line, string column, string value)
    {
        var lines = Lines();
        var header = Split(lines[0]);
        var cells = Split(lines[line - 1]);
        cells[header.IndexOf(column)] = value;
        lines[line - 1] = string.Join(",", cells.Select(c => $"\"{c}\""));
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    public static byte[] WithoutColumn(string column)
    {
        var lines = Lines();
        var index = Split(lines[0]).IndexOf(column);
        return Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l =>
        {
            var cells = Split(l);
            cells.RemoveAt(index);
            return string.Join(",", cells.Select(c => $"\"{c}\""));
        })) + "\n");
    }

    // The file quotes every text value and no value holds a comma or quote mark.
    private static List<string> Split(string line) => [.. line.TrimEnd('\r').Split(',').Select(c => c.Trim('"'))];
}
