namespace Waymark.Domain.Schools;

/// <summary>Which way a GIAS link points, seen from the school that holds it.</summary>
public enum SchoolLinkDirection
{
    /// <summary>The linked school came before this one (e.g. the maintained school an academy converted from).</summary>
    Predecessor,

    /// <summary>The linked school replaced this one.</summary>
    Successor,

    /// <summary>A link that is neither, such as a sixth form centre or "Result of Amalgamation", whose direction GIAS does not say.</summary>
    Other,
}

/// <summary>
/// GIAS link types ("LinkType" in the links extract). Each row says what the linked establishment is to the row's own:
/// "Predecessor", "Predecessor - merged", "Predecessor - amalgamated", "Predecessor - Split School", the matching
/// "Successor" types, and others ("Sixth Form Centre Link", "Result of Amalgamation", "Merged - ...", "Expansion",
/// "Closure", "Other"). The GIAS wording is kept as it is; only the direction is read from it.
/// </summary>
public static class SchoolLinkTypes
{
    public const int MaxLength = 100;

    public static SchoolLinkDirection Direction(string linkType)
    {
        ArgumentNullException.ThrowIfNull(linkType);
        var text = linkType.Trim();
        return IsWord(text, "Predecessor") ? SchoolLinkDirection.Predecessor
            : IsWord(text, "Successor") ? SchoolLinkDirection.Successor
            : SchoolLinkDirection.Other;
    }

    // "Predecessor" or "Predecessor - merged", but not a longer word that happens to start the same way.
    private static bool IsWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[word.Length]));
}
