using System.Text;
using PdfSharp.Drawing;

namespace Waymark.Web.Features.Shared;

/// <summary>Text wrapping for the PDFs Waymark draws (the Transition Passport, the Family Early Help Plan).</summary>
public static class PdfWrap
{
    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces where it can, inside
    /// a word only when the word alone is too wide. Line breaks in the text are kept.
    /// </summary>
    public static IEnumerable<string> Lines(XGraphics g, string text, XFont font, double width)
    {
        double Measure(string s) => g.MeasureString(s, font).Width;

        foreach (var paragraph in text.ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                yield return "";
                continue;
            }

            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                var rest = word;
                while (Measure(rest) > width)
                {
                    var fit = Step(rest, 0);
                    while (fit < rest.Length && Measure(rest[..Step(rest, fit)]) <= width)
                    {
                        fit = Step(rest, fit);
                    }

                    yield return rest[..fit];
                    rest = rest[fit..];
                }

                line.Append(rest);
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
            }
        }
    }

    /// <summary>The end of the character at <paramref name="at"/>, so a word is never split inside a surrogate pair.</summary>
    private static int Step(string word, int at) =>
        char.IsHighSurrogate(word[at]) && at + 1 < word.Length ? at + 2 : at + 1;
}
