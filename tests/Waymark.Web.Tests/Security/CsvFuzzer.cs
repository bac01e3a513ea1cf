using System.Globalization;
using System.Text;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;

namespace Waymark.Web.Tests.Security;

/// <summary>One generated file: its number in the run, what was done to make it, and its bytes.</summary>
internal sealed record FuzzInput(int Index, string Kind, byte[] Bytes)
{
    /// <summary>The bytes as C# string text (invalid UTF-8 shown as \xNN), shortened, for a failure message.</summary>
    public string Printable(int max = 1500)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, true);
        for (var i = 0; i < Bytes.Length && text.Length < max; i++)
        {
            var b = Bytes[i];
            if (b is >= 0x20 and < 0x7f and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else if (b == '\\')
            {
                text.Append(@"\\");
            }
            else if (b == '\n')
            {
                text.Append(@"\n");
            }
            else if (b == '\r')
            {
                text.Append(@"\r");
            }
            else if (b >= 0x80 && Utf8Length(b) is var length and > 1 && i + length <= Bytes.Length && TryDecode(decoder, Bytes.AsSpan(i, length), out var c))
            {
                foreach (var ch in c)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}");
                }

                i += length - 1;
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
        }

        return Bytes.Length * 4 > max && text.Length >= max ? $"{text}... ({Bytes.Length:N0} bytes in all)" : text.ToString();
    }

    private static int Utf8Length(byte b) => b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;

    private static bool TryDecode(Encoding decoder, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = decoder.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}

/// <summary>A file as rows of cells (the first is the header), written out with a chosen line ending.</summary>
internal sealed class CsvDocument
{
    public List<List<string>> Lines { get; } = [];

    public string LineEnding { get; set; } = "\n";

    public bool FinalLineEnding { get; set; } = true;

    public bool ByteOrderMark { get; set; }

    public string Render() =>
        string.Join(LineEnding, Lines.Select(l => string.Join(",", l))) + (FinalLineEnding && Lines.Count > 0 ? LineEnding : "");

    public byte[] Encode()
    {
        var body = Encoding.UTF8.GetBytes(Render());
        return ByteOrderMark ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }
}

/// <summary>What one import format takes, and what a good file of it looks like.</summary>
internal sealed class ImportFormat
{
    public required string Name { get; init; }

    /// <summary>Every column a problem may name.</summary>
    public required string[] Columns { get; init; }

    /// <summary>A good file for <see cref="ImportWorld"/>, varied by the random source.</summary>
    public required Func<Random, CsvDocument> Valid { get; init; }

    /// <summary>Bad and borderline values for each column.</summary>
    public required IReadOnlyDictionary<string, string[]> EdgeValues { get; init; }

    /// <summary>The starts of the reasons a problem may give without naming a column: the file's, the header's or the whole row's.</summary>
    public required string[] FileLevelReasons { get; init; }
}

/// <summary>
/// Generates bad import files by mutating good ones (characters, lines, columns, quotes, fields, header, line endings,
/// bytes) and as plain random bytes. Each case comes from its own <see cref="Random"/> seeded by the run's seed and
/// the case's index, so any one case can be made again on its own.
/// </summary>
internal static class CsvFuzzer
{
    private enum Level
    {
        Table,
        Text,
        Bytes,
    }

    private sealed record Mutation(string Name, Level Level, Action<Random, ImportFormat, CsvDocument>? Table = null,
        Func<Random, string, string>? Text = null, Func<Random, byte[], byte[]>? Bytes = null);

    public static Random RandomFor(int seed, int index) => new(unchecked((seed * 1_000_003) + (index * 7_919) + 17));

    /// <summary>Values worth trying in any field.</summary>
    private static readonly string[] AnyField =
    [
        "", " ", "\t", "   \t  ", "\"", "\"\"", "\"\"\"", ",", ",,", "a,b", "\"a,b\"", "\"a\nb\"", "\"a\r\nb\"", "NULL", "null", "-", "0", "'",
        "' OR 1=1 --", "\"; DROP TABLE \"Children\"; --", "%", "_", "\\", "<script>alert(1)</script>", "=1+1", "@SUM(A1)", "+44", "\0", "a\0b", "\u0001",
        "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u200b", "\u202e", "\ufeff", "\ufffd", "\uffff", "é", "É", "\U0001D518\U0001D511", "\U0001F600",
        "ß", "İ", "ı", "Ⅻ", "١٢٣", "１２３", "a\u0301", "\u2028", "\u3000",
    ];

    private static readonly string[] InterestingChars =
    [
        ",", "\"", "\r", "\n", "\r\n", "\t", "\0", "\u0001", "\u001f", "\u007f", "\u00a0", "\ufeff", "é", "\u2028", " ", ";", "\\", "'", "\U0001F600", "|",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3, 0x28],
    ];

    private static readonly Mutation[] Mutations =
    [
        // Characters anywhere in the text.
        new("char-delete", Level.Text, Text: (r, t) => t.Length == 0 ? t : t.Remove(r.Next(t.Length), 1)),
        new("char-duplicate", Level.Text, Text: (r, t) => DuplicateChar(r, t)),
        new("char-swap", Level.Text, Text: (r, t) => Swap(r, t)),
        new("char-insert", Level.Text, Text: (r, t) => t.Insert(r.Next(t.Length + 1), Pick(r, InterestingChars))),
        new("chars-delete-run", Level.Text, Text: (r, t) => DeleteRun(r, t)),
        new("text-truncate", Level.Text, Text: (r, t) => t[..r.Next(t.Length + 1)]),

        // Whole lines.
        new("line-delete", Level.Table, Table: (r, _, d) => RemoveAt(r, d.Lines, fromHeader: false)),
        new("line-duplicate", Level.Table, Table: (r, _, d) => { var i = r.Next(d.Lines.Count); d.Lines.Insert(r.Next(d.Lines.Count + 1), [.. d.Lines[i]]); }),
        new("line-swap", Level.Table, Table: (r, _, d) => SwapItems(r, d.Lines)),
        new("line-blank", Level.Table, Table: (r, _, d) => d.Lines.Insert(r.Next(d.Lines.Count + 1), [""])),
        new("line-whitespace", Level.Table, Table: (r, _, d) => d.Lines.Insert(r.Next(d.Lines.Count + 1), [Pick(r, [" ", "\t", "  \t ", "\u00a0", ",,,"])])),
        new("lines-many-blank", Level.Table, Table: (r, _, d) => d.Lines.InsertRange(r.Next(1, d.Lines.Count + 1), Enumerable.Repeat<List<string>>([""], r.Next(2, 50)))),

        // Columns.
        new("column-delete", Level.Table, Table: (r, _, d) => { var c = r.Next(Width(d)); foreach (var l in d.Lines.Where(l => l.Count > c)) l.RemoveAt(c); }),
        new("column-delete-in-one-row", Level.Table, Table: (r, _, d) => { var l = d.Lines[r.Next(d.Lines.Count)]; if (l.Count > 0) l.RemoveAt(r.Next(l.Count)); }),
        new("column-swap-in-rows", Level.Table, Table: (r, _, d) => { var (a, b) = (r.Next(Width(d)), r.Next(Width(d))); foreach (var l in d.Lines.Skip(1).Where(l => l.Count > Math.Max(a, b))) (l[a], l[b]) = (l[b], l[a]); }),
        new("column-swap-in-one-row", Level.Table, Table: (r, _, d) => { var l = d.Lines[r.Next(d.Lines.Count)]; SwapItems(r, l); }),
        new("column-duplicate", Level.Table, Table: (r, _, d) => { var c = r.Next(Width(d)); foreach (var l in d.Lines.Where(l => l.Count > c)) l.Insert(c, l[c]); }),
        new("column-extra-in-rows", Level.Table, Table: (r, _, d) => { foreach (var l in d.Lines.Skip(1)) l.Add(Pick(r, AnyField)); }),
        new("column-extra-in-one-row", Level.Table, Table: (r, _, d) => d.Lines[r.Next(d.Lines.Count)].Add(Pick(r, ["", "x", ",", "\"\""]))),

        // One field.
        new("field-edge-value", Level.Table, Table: (r, f, d) => SetField(r, d, (c, _) => f.EdgeValues.TryGetValue(c, out var values) ? Pick(r, values) : Pick(r, AnyField))),
        new("field-any-value", Level.Table, Table: (r, _, d) => SetField(r, d, (_, _) => Pick(r, AnyField))),
        new("field-empty", Level.Table, Table: (r, _, d) => SetField(r, d, (_, _) => "")),
        new("field-whitespace", Level.Table, Table: (r, _, d) => SetField(r, d, (_, _) => Pick(r, [" ", "\t", "  ", "\u00a0", "\u3000"]))),
        new("field-long", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v + new string(Pick(r, ['A', '9', ' ', 'é', '"']), r.Next(10) == 0 ? r.Next(50_000, 200_000) : r.Next(90, 5_000)))),
        new("field-control", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v.Insert(r.Next(v.Length + 1), ((char)r.Next(0, 32)).ToString()))),
        new("field-separator", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v.Insert(r.Next(v.Length + 1), ","))),
        new("field-quoted-separator", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => $"\"{v.Replace("\"", "", StringComparison.Ordinal)}{Pick(r, [",", "\n", "\r\n", ",,", "\"\""])}\"")),
        new("field-quoted", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v.StartsWith('"') ? v : $"\"{v}\"")),
        new("field-padded", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => $"{Pick(r, [" ", "\t", ""])}{v}{Pick(r, [" ", "\t", ""])}")),
        new("field-unicode", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v.Insert(r.Next(v.Length + 1), Pick(r, ["é", "\u0301", "\U0001F600", "\u202e", "\u200b", "ﬀ", "İ", "\uFFFD"])))),

        // Quotes.
        new("quote-stray", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v.Insert(r.Next(v.Length + 1), "\""))),
        new("quote-unclosed", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => "\"" + v)),
        new("quote-closed-only", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => v + "\"")),
        new("quote-text-after", Level.Table, Table: (r, _, d) => SetField(r, d, (_, v) => $"\"{v}\"x")),

        // The header.
        new("header-rename", Level.Table, Table: (r, _, d) => SetHeader(r, d, h => Pick(r, ["", "x", h + "s", h[..Math.Max(0, h.Length - 1)], h.Replace('_', ' '), "\"" + h, h + "\"", h + "\0"]))),
        new("header-case", Level.Table, Table: (r, _, d) => SetHeader(r, d, h => r.Next(2) == 0 ? h.ToUpperInvariant() : string.Concat(h.Select(c => r.Next(2) == 0 ? char.ToUpperInvariant(c) : c)))),
        new("header-padding", Level.Table, Table: (r, _, d) => SetHeader(r, d, h => $" {h}\t")),
        new("header-duplicate-name", Level.Table, Table: (r, _, d) => DuplicateHeaderName(r, d.Lines[0])),
        new("header-delete", Level.Table, Table: (_, _, d) => d.Lines.RemoveAt(0)),
        new("header-only", Level.Table, Table: (_, _, d) => d.Lines.RemoveRange(1, d.Lines.Count - 1)),
        new("header-shuffle", Level.Table, Table: (r, _, d) => Shuffle(r, d.Lines[0])),
        new("header-semicolons", Level.Table, Table: (_, _, d) => { var joined = string.Join(";", d.Lines[0]); d.Lines[0] = [joined]; }),

        // Line endings.
        new("eol-crlf", Level.Table, Table: (_, _, d) => d.LineEnding = "\r\n"),
        new("eol-cr", Level.Table, Table: (_, _, d) => d.LineEnding = "\r"),
        new("eol-mixed", Level.Text, Text: (r, t) => string.Concat(t.Split('\n').Select((l, i) => i == 0 ? l : Pick(r, ["\n", "\r\n", "\r", "\n\r"]) + l))),
        new("eol-none-final", Level.Table, Table: (_, _, d) => d.FinalLineEnding = false),

        // Bytes.
        new("bytes-invalid-utf8", Level.Bytes, Bytes: (r, b) => InsertBytes(r, b, Pick(r, BadUtf8))),
        new("bytes-bom", Level.Bytes, Bytes: (_, b) => [.. Encoding.UTF8.Preamble, .. b]),
        new("bytes-bom-twice", Level.Bytes, Bytes: (_, b) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.Preamble, .. b]),
        new("bytes-bom-inside", Level.Bytes, Bytes: (r, b) => InsertBytes(r, b, Encoding.UTF8.Preamble.ToArray())),
        new("bytes-utf16", Level.Bytes, Bytes: (r, b) => r.Next(2) == 0
            ? [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))]
            : Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))),
        new("bytes-latin1", Level.Bytes, Bytes: (_, b) => Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(b))),
        new("bytes-flip", Level.Bytes, Bytes: (r, b) => { var c = b.ToArray(); if (c.Length > 0) c[r.Next(c.Length)] ^= (byte)(1 << r.Next(8)); return c; }),
        new("bytes-nul", Level.Bytes, Bytes: (r, b) => InsertBytes(r, b, [0])),
        new("bytes-truncate", Level.Bytes, Bytes: (r, b) => b[..r.Next(b.Length + 1)]),
    ];

    /// <summary>A bad or borderline file: usually a good file with one to four mutations, sometimes random bytes.</summary>
    public static FuzzInput Generate(ImportFormat format, int seed, int index)
    {
        var random = RandomFor(seed, index);
        var roll = random.Next(100);
        if (roll < 4)
        {
            var bytes = new byte[random.Next(0, 3_000)];
            random.NextBytes(bytes);
            return new FuzzInput(index, "random-bytes", bytes);
        }

        if (roll < 7)
        {
            const string alphabet = "upndatesioncodr,\"\r\n \t0123456789ABPM/\\-_";
            var text = new string(Enumerable.Range(0, random.Next(0, 2_000)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            return new FuzzInput(index, "random-csv-like", Encoding.UTF8.GetBytes(text));
        }

        var document = format.Valid(random);
        if (roll < 9)
        {
            var bytes = new byte[random.Next(1, 2_000)];
            random.NextBytes(bytes);
            document.Lines.RemoveRange(1, document.Lines.Count - 1);
            return new FuzzInput(index, "header-then-random-bytes", [.. document.Encode(), .. bytes]);
        }

        var chosen = Enumerable.Range(0, random.Next(10) < 6 ? 1 : random.Next(2, 5)).Select(_ => Mutations[random.Next(Mutations.Length)]).ToList();
        foreach (var m in chosen.Where(m => m.Level == Level.Table))
        {
            if (document.Lines.Count > 0)
            {
                m.Table!(random, format, document);
            }
        }

        var rendered = document.Render();
        foreach (var m in chosen.Where(m => m.Level == Level.Text))
        {
            rendered = m.Text!(random, rendered);
        }

        byte[] result = [.. document.ByteOrderMark ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(rendered)];
        foreach (var m in chosen.Where(m => m.Level == Level.Bytes))
        {
            result = m.Bytes!(random, result);
        }

        return new FuzzInput(index, string.Join("+", chosen.Select(m => m.Name)), result);
    }

    /// <summary>Lines as a reader counts them (LF, CRLF or CR each end one), for the bound on a problem's line.</summary>
    public static int PhysicalLines(byte[] bytes)
    {
        var lines = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string DuplicateChar(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var i = random.Next(text.Length);
        return text.Insert(i, text[i].ToString());
    }

    private static string DeleteRun(Random random, string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var start = random.Next(text.Length - 1);
        return text.Remove(start, random.Next(1, Math.Min(40, text.Length - start)));
    }

    private static byte[] InsertBytes(Random random, byte[] bytes, byte[] insert)
    {
        var i = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, i), .. insert, .. bytes.AsSpan(i)];
    }

    private static void DuplicateHeaderName(Random random, List<string> header)
    {
        if (header.Count > 1)
        {
            var name = Pick(random, header);
            header[random.Next(header.Count)] = random.Next(2) == 0 ? name.ToUpperInvariant() : name;
        }
    }

    private static int Width(CsvDocument document) => Math.Max(1, document.Lines.Max(l => l.Count));

    private static string Swap(Random random, string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var i = random.Next(text.Length - 1);
        return string.Concat(text.AsSpan(0, i), text[i + 1].ToString(), text[i].ToString(), text.AsSpan(i + 2));
    }

    private static void SwapItems<T>(Random random, List<T> items)
    {
        if (items.Count > 1)
        {
            var (a, b) = (random.Next(items.Count), random.Next(items.Count));
            (items[a], items[b]) = (items[b], items[a]);
        }
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static void RemoveAt<T>(Random random, List<T> items, bool fromHeader)
    {
        var first = fromHeader ? 0 : 1;
        if (items.Count > first)
        {
            items.RemoveAt(random.Next(first, items.Count));
        }
    }

    /// <summary>Replaces one cell of a data row (or the header, now and then), given the column's header name and its value.</summary>
    private static void SetField(Random random, CsvDocument document, Func<string, string, string> value)
    {
        var row = document.Lines.Count == 1 || random.Next(20) == 0 ? 0 : random.Next(1, document.Lines.Count);
        var line = document.Lines[row];
        if (line.Count == 0)
        {
            line.Add("");
        }

        var column = random.Next(line.Count);
        var header = document.Lines[0];
        var name = column < header.Count ? header[column].Trim().ToLowerInvariant() : "";
        line[column] = value(name, line[column]);
    }

    private static void SetHeader(Random random, CsvDocument document, Func<string, string> change)
    {
        var header = document.Lines[0];
        if (header.Count > 0)
        {
            var i = random.Next(header.Count);
            header[i] = change(header[i]);
        }
    }

    // ---- The two formats ---------------------------------------------------------------------------------------

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Uk(Random random, DateOnly d) => random.Next(2) == 0
        ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : d.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    private static string AnyDate(Random random, DateOnly d) => random.Next(3) == 0 ? Uk(random, d) : Iso(d);

    private static string WrongCheckLetter(string upn) =>
        Upn.CheckLetters[(Upn.CheckLetters.IndexOf(upn[0], StringComparison.Ordinal) + 5) % Upn.CheckLetters.Length] + upn[1..];

    /// <summary>Header names in a random order and case, with rows built to match.</summary>
    private static CsvDocument Document(Random random, string[] columns, IEnumerable<Dictionary<string, string>> rows)
    {
        var order = columns.ToList();
        if (random.Next(3) == 0)
        {
            Shuffle(random, order);
        }

        var document = new CsvDocument
        {
            LineEnding = random.Next(3) == 0 ? "\r\n" : "\n",
            FinalLineEnding = random.Next(5) != 0,
            ByteOrderMark = random.Next(5) == 0,
        };
        document.Lines.Add(order.Select(c => random.Next(6) switch
        {
            0 => c.ToUpperInvariant(),
            1 => " " + c + " ",
            _ => c,
        }).ToList());
        foreach (var row in rows)
        {
            if (random.Next(12) == 0)
            {
                document.Lines.Add([""]);
            }

            document.Lines.Add(order.Select(c => row.GetValueOrDefault(c, "")).ToList());
        }

        return document;
    }

    private static string MaybeQuoted(Random random, string value) => random.Next(6) == 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static readonly (string Forename, string Surname)[] NewNames =
    [
        ("Zara", "Ali"), ("Noah", "Patel"), ("José", "García"), ("Siobhán", "Ó Súilleabháin"), ("Mia", "Smith-Jones"), ("Leo", "D'Arcy"),
        ("Chloë", "Brontë"), ("Kai", "\"Kai\" Lee"), ("Amara", "Okafor, Jr"),
    ];

    public static readonly ImportFormat Pupils = new()
    {
        Name = "pupils",
        Columns = Imports.PupilImporter.Columns,
        FileLevelReasons =
        [
            "a quoted value is not closed or has a stray quote mark", "the file is empty", "the header row must name the columns",
            "the file is not UTF-8 text", "the file has a header but no pupils",
        ],
        Valid = random =>
        {
            var rows = new List<Dictionary<string, string>>();
            foreach (var p in ImportWorld.Pupils.Where(_ => random.Next(2) == 0))
            {
                var urn = p.Urn;
                var entry = p.Entry;
                if (p.Forename == "Ben" && random.Next(4) == 0)
                {
                    (urn, entry) = (ImportWorld.MillfieldUrn, new DateOnly(2026, 1, 5)); // a move
                }

                rows.Add(new()
                {
                    ["upn"] = random.Next(4) == 0 ? p.Upn.ToLowerInvariant() : p.Upn,
                    ["forename"] = MaybeQuoted(random, p.Forename),
                    ["surname"] = MaybeQuoted(random, random.Next(6) == 0 ? p.Surname + "-Jones" : p.Surname),
                    ["dob"] = AnyDate(random, p.Born),
                    ["sex"] = random.Next(4) == 0 ? "" : random.Next(4) == 0 ? p.Sex.ToString().ToLowerInvariant() : Sexes.Code(p.Sex),
                    ["urn"] = urn.ToString(CultureInfo.InvariantCulture),
                    ["entry_date"] = AnyDate(random, entry),
                });
            }

            var fresh = random.Next(rows.Count == 0 ? 1 : 0, 6);
            for (var i = 0; i < fresh; i++)
            {
                var (forename, surname) = NewNames[(i + random.Next(NewNames.Length)) % NewNames.Length];
                var born = new DateOnly(2014, 9, 1).AddDays(random.Next(700));
                rows.Add(new()
                {
                    ["upn"] = Upn.Create(823, 2101, 21, 10 + i),
                    ["forename"] = MaybeQuoted(random, forename),
                    ["surname"] = surname.Contains(',', StringComparison.Ordinal) || surname.Contains('"', StringComparison.Ordinal)
                        ? $"\"{surname.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                        : MaybeQuoted(random, surname),
                    ["dob"] = AnyDate(random, born),
                    ["sex"] = Pick(random, ["F", "M", "U", "f", "m", "", "Female", "male"]),
                    ["urn"] = Pick(random, [ImportWorld.BrooksideUrn, ImportWorld.MillfieldUrn, ImportWorld.KingswayUrn]).ToString(CultureInfo.InvariantCulture),
                    ["entry_date"] = AnyDate(random, new DateOnly(born.Year + 4, 9, 1).AddDays(random.Next(300))),
                });
            }

            Shuffle(random, rows);
            return Document(random, Imports.PupilImporter.Columns, rows);
        },
        EdgeValues = new Dictionary<string, string[]>
        {
            ["upn"] =
            [
                WrongCheckLetter(ImportWorld.Pupils[0].Upn), WrongCheckLetter(Upn.Create(823, 2101, 21, 10)), "A" + "999" + ImportWorld.Pupils[0].Upn[4..],
                ImportWorld.Pupils[1].Upn[..12], ImportWorld.Pupils[1].Upn + "0", ImportWorld.DeesFormerUpn, ImportWorld.Pupils[2].Upn.Replace('0', 'O'),
                "I" + ImportWorld.Pupils[0].Upn[1..], ImportWorld.Pupils[0].Upn[..12] + "I", " " + ImportWorld.Pupils[3].Upn.ToLowerInvariant() + " ",
                Upn.Create(823, 2101, 21, 10)[..12] + "A", "１" + ImportWorld.Pupils[0].Upn[1..], ImportWorld.Pupils[0].Upn.Replace('2', '٢'),
            ],
            ["forename"] = ["", " ", new string('A', 100), new string('A', 101), new string('é', 101), "\0", "Ava\0", "\u0007Ava", "O'Brien", "<b>Ava</b>", "Ava\u202eavA", "\U0001F600", "\"\"", "ß", "Ava\nBen"],
            ["surname"] = ["", new string('Z', 100), new string('Z', 101), "\0", "Clarke\u0000", "Robert'); DROP TABLE Children;--", "=HYPERLINK(\"x\")", "\u0085", "\"Smith, Jr\""],
            ["dob"] =
            [
                "2015-02-29", "2016-02-29", "29/02/2015", "29/2/2016", "2015-13-01", "2015-00-10", "2015-04-31", "31/04/2015", "0000-01-01", "1899-12-31", "1900-01-01",
                "9999-12-31", "2026-03-03", "2026-03-02", "2015-3-14", "14/3/15", "2015/03/14", "14-03-2015", "2015-03-14T00:00", "20150314", "٢٠١٥-٠٣-١٤",
                "+2015-03-1", "2015-03-1 ", "14/03/2015 00:00", "1/1/10000", "32/01/2015", "00/01/2015",
            ],
            ["sex"] = ["X", "female", "FEMALE", " f ", "", "Mx", "0", "N/A", "not known", "NOT  KNOWN", "ｆ", "F F"],
            ["urn"] = ["123456", "000000", "99999", "1000000", "-90101", "9001O1", "900101.0", "+900101", "９００１０１", "0900101", "900 101", "2147483648", "99999999999999999999"],
            ["entry_date"] = ["2010-01-01", "2015-03-14", "2025-01-01", "9999-12-31", "29/02/2023", "2023-02-29", "1900-01-01", "2024-02-29", "31/12/9999", "2026-13-01"],
        },
    };

    public static readonly ImportFormat Schools = new()
    {
        Name = "schools",
        Columns = Imports.SchoolImporter.Columns,
        FileLevelReasons =
        [
            "a quoted value is not closed or has a stray quote mark", "the file is empty", "the header row must name the columns",
            "the file is not UTF-8 text", "the file has a header but no schools",
        ],
        Valid = random =>
        {
            var rows = new List<Dictionary<string, string>>();
            (int Urn, int Estab, string Name, string Phase, string Type)[] known =
            [
                (ImportWorld.BrooksideUrn, 2101, "Brookside Primary School", "Primary", "Community school"),
                (ImportWorld.KingswayUrn, 4101, "Kingsway Academy", "Secondary", "Academy converter"),
                (ImportWorld.MillfieldUrn, 2102, "Millfield Primary School", "Primary", "Community school"),
                (900104, 2103, "St Mary's C of E Primary School", "Primary", "Voluntary aided school"),
                (900105, 4102, "Ysgol \"Gymraeg\", Testshire", "Secondary", "Foundation school"),
                (900106, 1100, "Riverside Nursery School", "Nursery", "Local authority nursery school"),
                (900107, 4103, "Oakwood All-Through School", "All-through", "Academy sponsor led"),
                (900108, 2104, "Élan Primary Academy", "Middle deemed primary", "Free schools"),
            ];
            foreach (var school in known.Where(_ => random.Next(2) == 0).DefaultIfEmpty(known[random.Next(known.Length)]))
            {
                var name = random.Next(5) == 0 ? school.Name + " (renamed)" : school.Name;
                rows.Add(new()
                {
                    ["urn"] = school.Urn.ToString(CultureInfo.InvariantCulture),
                    ["la_code"] = "823",
                    ["establishment_number"] = school.Estab.ToString("D4", CultureInfo.InvariantCulture),
                    ["name"] = name.Contains(',', StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal)
                        ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                        : MaybeQuoted(random, name),
                    ["phase"] = random.Next(4) == 0 ? school.Phase.ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal) : school.Phase,
                    ["type"] = MaybeQuoted(random, school.Type),
                });
            }

            Shuffle(random, rows);
            return Document(random, Imports.SchoolImporter.Columns, rows);
        },
        EdgeValues = new Dictionary<string, string[]>
        {
            ["urn"] = ["123456", "000000", "99999", "1000000", "-90101", "9001O1", "900101.0", "+900101", "９００１０１", "2147483648", ""],
            ["la_code"] = ["999", "82", "8230", "0823", "-23", "８２３", "", "000", "001"],
            ["establishment_number"] = ["210", "21010", "-101", "21O1", "0000", "9999", "", "２１０１"],
            ["name"] = ["", " ", new string('S', 200), new string('S', 201), "\0", "School\0", "\u0007School", "<script>alert(1)</script>", "\"A, B\"", "School\nTwo"],
            ["phase"] = ["Primary", "primary", "PRIMARY", "Prim", "16 plus", "Sixteen-plus", "Not applicable", "middle deemed secondary", "All through", "Secondary school", "", "0"],
            ["type"] = ["", new string('T', 100), new string('T', 101), "\0", "Type\u0085", "Academy\tconverter"],
        },
    };

    /// <summary>School days of four academic years, and who is on which roll on each.</summary>
    private static readonly DateOnly[] MarkDays =
    [
        .. Enumerable.Range(0, 5).Select(i => new DateOnly(2024, 6, 3).AddDays(i)),
        .. Enumerable.Range(0, 5).Select(i => new DateOnly(2025, 6, 2).AddDays(i)),
        .. Enumerable.Range(0, 5).Select(i => new DateOnly(2025, 9, 8).AddDays(i)),
        .. Enumerable.Range(0, 5).Select(i => new DateOnly(2026, 2, 2).AddDays(i)),
    ];

    private static int? SchoolOn(ImportWorld.Pupil pupil, DateOnly day) => pupil.Forename switch
    {
        "Cal" when day >= ImportWorld.CalAtBrookside.Start && day <= ImportWorld.CalAtBrookside.End => ImportWorld.BrooksideUrn,
        _ when day >= pupil.Entry => pupil.Urn,
        _ => null,
    };

    public static readonly ImportFormat Attendance = new()
    {
        Name = "attendance",
        Columns = [.. Imports.AttendanceImporter.Columns, Imports.AttendanceImporter.UrnColumn],
        FileLevelReasons =
        [
            "the file is empty", "a column is named twice in the header row", "the header row must name the columns", "the row has ",
            "the file is not UTF-8 text", "the file has a header but no marks", "a quoted value is not closed",
        ],
        Valid = random =>
        {
            var withUrn = random.Next(2) == 0;
            var rows = new List<Dictionary<string, string>>();
            var taken = new HashSet<(string, DateOnly, string)>();
            var count = random.Next(1, 30);
            for (var i = 0; i < count * 3 && rows.Count < count; i++)
            {
                var pupil = Pick(random, ImportWorld.Pupils);
                var day = Pick(random, MarkDays);
                var session = random.Next(2) == 0 ? "AM" : "PM";
                if (SchoolOn(pupil, day) is not int urn || !taken.Add((pupil.Upn, day, session)))
                {
                    continue;
                }

                var codes = AttendanceCodes.All.Where(c => c.IsValidOn(day)).ToList();
                var code = Pick(random, codes).Code;
                var row = new Dictionary<string, string>
                {
                    ["upn"] = random.Next(5) == 0 ? pupil.Upn.ToLowerInvariant() : pupil.Upn,
                    ["date"] = AnyDate(random, day),
                    ["session"] = random.Next(5) == 0 ? session.ToLowerInvariant() : session,
                    ["code"] = code == "/" && random.Next(3) == 0 ? "\\" : random.Next(5) == 0 ? code.ToLowerInvariant() : code,
                    ["urn"] = random.Next(3) == 0 ? "" : urn.ToString(CultureInfo.InvariantCulture),
                };
                rows.Add(row);
                if (random.Next(15) == 0)
                {
                    rows.Add(new Dictionary<string, string>(row)); // the same mark twice is one mark
                }
            }

            Shuffle(random, rows);
            return Document(random, withUrn ? [.. Imports.AttendanceImporter.Columns, "urn"] : Imports.AttendanceImporter.Columns, rows);
        },
        EdgeValues = new Dictionary<string, string[]>
        {
            ["upn"] =
            [
                Upn.Create(823, 2101, 20, 77), WrongCheckLetter(ImportWorld.Pupils[0].Upn), ImportWorld.Pupils[0].Upn.ToLowerInvariant(), ImportWorld.DeesFormerUpn,
                "A12345678901", ImportWorld.Pupils[0].Upn + "X", new string('A', 40), "\"" + ImportWorld.Pupils[1].Upn + "\"", " " + ImportWorld.Pupils[1].Upn,
            ],
            ["date"] =
            [
                "2025-02-29", "2024-02-29", "2025-06-31", "31/06/2025", "29/02/2025", "2025-00-10", "0000-01-01", "1899-12-31", "1900-01-01", "9999-12-31",
                "2026-03-03", "2026-03-02", "2025-6-2", "2/6/25", "2025/06/02", "02-06-2025", "2025-06-02T08:00", "20250602", "٢٠٢٥-٠٦-٠٢", "2024-08-18",
                "2024-08-19", "2025-09-02", "01/13/2025", "2025-09-08 ",
            ],
            ["session"] = ["am", "Am", "AM ", " PM", "A.M.", "MORNING", "A", "AMPM", "P M", "ＡＭ", "", "EVE", "pm\t"],
            ["code"] = ["ZZ", "H", "h", "J", "Y", "Y8", "C3", "##", "/ ", " \\", "Ｌ", "l", "1", "", "\"L\"", "L;", "//", "N N", "Y1", "j1", "#"],
            ["urn"] = ["123456", "900102", "900103", "", "99999999999999999999", "-900101", "900101.0", "9OO101", "0", " 900101 ", "+900101", "2147483647"],
        },
    };
}
