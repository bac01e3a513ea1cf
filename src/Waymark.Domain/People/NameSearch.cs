using System.Globalization;
using System.Text;

namespace Waymark.Domain.People;

/// <summary>
/// One normal form for names, applied to both the stored search text and what the user types, so
/// "zoe" finds "Zoë", "obrien" finds "O'Brien" and typographic apostrophes match straight ones.
/// </summary>
public static class NameSearch
{
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘' or '`' or '.')
            {
                continue;
            }

            // Hyphens and any other separators become one space, so "Smith-Jones" matches "smith jones".
            if (!char.IsLetterOrDigit(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            builder.Append(char.ToUpperInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
