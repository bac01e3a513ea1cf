using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Waymark.Web.Imports;

/// <summary>
/// Reads a CSV with a required header row, columns in any order and names in any case. Strict: the
/// text must be UTF-8 (a byte-order mark is fine), quotes must be well formed, and no column may be
/// named twice. What is wrong is collected in <see cref="Problems"/> with its line.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public CsvFile(Stream stream)
        : this(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true))
    {
    }

    /// <summary>Reads text in the given encoding; for files that are not always UTF-8 (see <see cref="DetectEncoding"/>).</summary>
    public CsvFile(Stream stream, Encoding encoding)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => Problems.Add(new ImportProblem(args.Context.Parser?.RawRow ?? 0, null,
                "a quoted value is not closed or has a stray quote mark")),
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        };
        _reader = new CsvReader(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true), config);
    }

    /// <summary>
    /// Windows-1252, in which GIAS publishes its extracts (accented letters and curly quotes are single bytes).
    /// </summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    /// <summary>
    /// UTF-8 when the whole file is valid UTF-8 (as a spreadsheet's "CSV UTF-8" is, and as plain ASCII is), otherwise
    /// Windows-1252. A Windows-1252 file with any accented letter or curly quote is never valid UTF-8, so the guess is
    /// safe. Reads the stream to its end and puts it back where it was; the stream must be seekable.
    /// </summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4]; // room for a character carried over from the last block
        var utf8 = true;
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            utf8 = false;
        }

        stream.Position = start;
        return utf8 ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true) : Windows1252;
    }

    public List<ImportProblem> Problems { get; } = [];

    public int Line => _reader.Parser.RawRow;

    /// <summary>Reads the header; returns false (with the reason in <see cref="Problems"/>) if it is unusable.</summary>
    public bool ReadHeader(IReadOnlyList<string> required)
    {
        if (!Read() || !_reader.ReadHeader() || _reader.HeaderRecord is null)
        {
            Problems.Add(new ImportProblem(1, null, $"the file is empty; the first line must name the columns {string.Join(",", required)}"));
            return false;
        }

        for (var i = 0; i < _reader.HeaderRecord.Length; i++)
        {
            var name = _reader.HeaderRecord[i].Trim();
            if (!_columns.TryAdd(name, i))
            {
                Problems.Add(new ImportProblem(1, name, "this column is named twice"));
            }
        }

        var missing = required.Where(c => !_columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            Problems.Add(new ImportProblem(1, null,
                $"the header row must name the columns {string.Join(",", required)}; missing: {string.Join(", ", missing)}"));
        }

        return Problems.Count == 0;
    }

    public bool Read()
    {
        try
        {
            return _reader.Read();
        }
        catch (DecoderFallbackException)
        {
            Problems.Add(new ImportProblem(Line + 1, null,
                "the file is not UTF-8 text; save it from your spreadsheet as \"CSV UTF-8\" and import it again"));
            return false;
        }
    }

    public string? Get(string column) =>
        _columns.TryGetValue(column, out var index) && _reader.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>
    /// True when the value holds a control character (a NUL, tab, line break, escape...): never part of a name, and
    /// a NUL cannot be stored by PostgreSQL at all.
    /// </summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    public void Dispose() => _reader.Dispose();
}
