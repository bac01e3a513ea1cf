using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Waymark.Web.Imports;

/// <summary>Reads a CSV with a required header row, columns in any order and names in any case.</summary>
public sealed class CsvFile : IDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public CsvFile(Stream stream)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        };
        _reader = new CsvReader(new StreamReader(stream, detectEncodingFromByteOrderMarks: true), config);
    }

    public int Line => _reader.Parser.RawRow;

    /// <summary>Reads the header; returns the required columns that are missing.</summary>
    public IReadOnlyList<string> ReadHeader(IEnumerable<string> required)
    {
        if (!_reader.Read() || !_reader.ReadHeader() || _reader.HeaderRecord is null)
        {
            return required.ToList();
        }

        for (var i = 0; i < _reader.HeaderRecord.Length; i++)
        {
            _columns.TryAdd(_reader.HeaderRecord[i].Trim(), i);
        }

        return required.Where(c => !_columns.ContainsKey(c)).ToList();
    }

    public bool Read() => _reader.Read();

    public string? Get(string column) =>
        _columns.TryGetValue(column, out var index) && _reader.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    public void Dispose() => _reader.Dispose();
}
