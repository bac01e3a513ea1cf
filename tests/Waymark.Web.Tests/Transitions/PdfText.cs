using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Waymark.Web.Tests.Transitions;

/// <summary>
/// Reads the text back out of a PDF the way a viewer's copy and search do: each shown string's
/// glyphs mapped through its font's ToUnicode table. One line per shown string.
/// </summary>
internal static partial class PdfText
{
    public sealed record Document(int Pages, string Title, string Text);

    public static Document Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var fonts = page.Resources.Elements.GetDictionary("/Font")
                ?? throw new InvalidOperationException("A page has no fonts.");
            Dictionary<int, string>? map = null;
            foreach (var op in Operators(ContentReader.ReadContent(page)))
            {
                switch (op.OpCode.OpCodeName)
                {
                    case OpCodeName.Tf:
                        map = ToUnicode(fonts.Elements.GetDictionary(((CName)op.Operands[0]).Name)!);
                        break;
                    case OpCodeName.Tj:
                        text.Append(Decode((CString)op.Operands[0], map)).Append('\n');
                        break;
                    case OpCodeName.TJ:
                        foreach (var s in ((CArray)op.Operands[0]).OfType<CString>())
                        {
                            text.Append(Decode(s, map));
                        }

                        text.Append('\n');
                        break;
                }
            }
        }

        return new Document(document.PageCount, document.Info.Title, text.ToString());
    }

    /// <summary>Text with every run of white space made one space, to compare words across wrapped lines.</summary>
    public static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    private static IEnumerable<COperator> Operators(CSequence sequence)
    {
        foreach (var item in sequence)
        {
            if (item is COperator op)
            {
                yield return op;
            }
            else if (item is CSequence inner)
            {
                foreach (var nested in Operators(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Decode(CString s, Dictionary<int, string>? map)
    {
        ArgumentNullException.ThrowIfNull(map, "A string is shown before any font is set.");
        // Identity-H: two bytes per glyph, unless the reader has already paired them into characters.
        var glyphs = s.CStringType is CStringType.UnicodeHexString or CStringType.UnicodeString
            ? s.Value.Select(c => (int)c)
            : s.Value.Chunk(2).Select(pair => (pair[0] << 8) | (pair.Length > 1 ? pair[1] : 0));
        return string.Concat(glyphs.Select(g => map.TryGetValue(g, out var chars) ? chars : "\uFFFD"));
    }

    private static Dictionary<int, string> ToUnicode(PdfDictionary font)
    {
        var reference = font.Elements.GetReference("/ToUnicode") ?? throw new InvalidOperationException("A font has no ToUnicode map.");
        var cmap = Encoding.ASCII.GetString(((PdfDictionary)reference.Value).Stream.UnfilteredValue);
        var map = new Dictionary<int, string>();
        foreach (Match block in Block().Matches(cmap))
        {
            var body = block.Groups[2].Value;
            if (block.Groups[1].Value == "bfchar")
            {
                foreach (Match m in Pair().Matches(body))
                {
                    map[Hex(m.Groups[1].Value)] = Utf16(m.Groups[2].Value);
                }

                continue;
            }

            foreach (Match m in Triple().Matches(body))
            {
                var (from, to, start) = (Hex(m.Groups[1].Value), Hex(m.Groups[2].Value), Hex(m.Groups[3].Value));
                for (var g = from; g <= to; g++)
                {
                    // A destination beyond the BMP is a surrogate pair, and maps a single glyph.
                    map[g] = m.Groups[3].Value.Length > 4 ? Utf16(m.Groups[3].Value) : char.ConvertFromUtf32(start + g - from);
                }
            }
        }

        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) =>
        Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"begin(bfchar|bfrange)(.*?)end\1", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Triple();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
