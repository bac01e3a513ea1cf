using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;

namespace Waymark.Domain.CommonTransfer;

/// <summary>An episode of SEN support or an EHC plan worked out from a CTF's SEN history.</summary>

/// <summary>
/// The rules for reading values out of a Common Transfer File (standards §1, §3.3), with no I/O: which versions are
/// read, and what the codes for sex, NC year, SEN provision and need, ethnicity, language and postcode may be.
/// </summary>
public static partial class CtfImportRules
{
    /// <summary>The CTF versions Waymark reads: the current one and the one before, as MIS products do (standards §1.1).</summary>
    public static IReadOnlyList<int> SupportedVersions { get; } = [24, 25];

    /// <summary>"24.0", "25.0" (or without ".0") for a supported version; the major version is given either way when it is a number.</summary>
    public static bool IsSupportedVersion(string text, out int? major)
    {
        major = null;
        var value = (text ?? "").Trim();
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? value : value[..dot];
        var fraction = dot < 0 ? "0" : value[(dot + 1)..];
        if (whole.Length is < 1 or > 3 || !whole.All(char.IsAsciiDigit) || fraction.Length == 0 || !fraction.All(c => c == '0'))
        {
            return false;
        }

        major = int.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        return SupportedVersions.Contains(major.Value);
    }

    /// <summary>CTF <c>Sex</c> (or the older <c>Gender</c>): M, F, or U for not known, in any case.</summary>
    public static bool TryParseSex(string text, out Sex sex)
    {
        switch ((text ?? "").Trim().ToUpperInvariant())
        {
            case "M": sex = Sex.Male; return true;
            case "F": sex = Sex.Female; return true;
            case "U": sex = Sex.Unknown; return true;
            default: sex = default; return false;
        }
    }

    /// <summary>
    /// <c>NCyearActual</c>: E1, E2, N1, N2, R or 1 to 14 give a year; X (curriculum not followed) is valid and gives none.
    /// Nothing else is accepted (not "Y6" or "Year 6", which the looser <see cref="NcYear.TryParse"/> allows for people).
    /// </summary>
    public static bool TryParseNcYear(string text, out NcYear? year)
    {
        year = null;
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value == "X")
        {
            return true;
        }

        foreach (var candidate in NcYear.All)
        {
            if (candidate.Code == value)
            {
                year = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The year-group offset that puts a child in <paramref name="actual"/> in <paramref name="year"/> (0 for a child in their
    /// chronological year); null when the child is not of an age to have a chronological year then.
    /// </summary>
    public static int? YearGroupOffset(DateOnly dateOfBirth, AcademicYear year, NcYear actual) =>
        NationalCurriculumYear.Derive(dateOfBirth, year) is { } chronological ? actual.Value - chronological.Value : null;

    /// <summary>
    /// <c>SENprovision</c>: N (no special educational need) gives no status; K is SEN support; E is an EHC plan.
    /// The codes from before 2014 (A, P, S) are not read: statements were all converted to EHC plans by 2018.
    /// </summary>
    public static bool TryParseSenProvision(string text, out ChildStatusType? type)
    {
        switch ((text ?? "").Trim().ToUpperInvariant())
        {
            case "N": type = null; return true;
            case "K": type = ChildStatusType.SenSupport; return true;
            case "E": type = ChildStatusType.EhcPlan; return true;
            default: type = null; return false;
        }
    }

    /// <summary><c>SENtype</c>: the census code only (SPLD, MLD, … NSA), in any case.</summary>
    public static bool TryParseSenType(string text, out SenPrimaryNeed need)
    {
        var value = (text ?? "").Trim();
        foreach (var candidate in SenPrimaryNeeds.All)
        {
            if (string.Equals(SenPrimaryNeeds.Code(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                need = candidate;
                return true;
            }
        }

        need = default;
        return false;
    }

    /// <summary>
    /// SEN episodes from a SEN history: each entry starts its provision on its date, and the provision lasts until the
    /// next entry with a different one (the day before it). N ends the provision before it and starts none. Entries in any
    /// order; two on the same date are ambiguous and give null.
    /// </summary>
    public static IReadOnlyList<SenEpisode>? SenEpisodes(IEnumerable<(DateOnly Start, ChildStatusType? Type)> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var entries = history.OrderBy(h => h.Start).ToList();
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Start == entries[i - 1].Start)
            {
                return null;
            }
        }

        var episodes = new List<SenEpisode>();
        (ChildStatusType Type, DateOnly Start)? open = null;
        foreach (var (start, type) in entries)
        {
            if (open is { } current && current.Type == type)
            {
                continue;
            }

            if (open is { } ending)
            {
                episodes.Add(new SenEpisode(CtfSen.Provision(ending.Type), ending.Start, start.AddDays(-1), PrimaryNeed: null));
            }

            open = type is { } t ? (t, start) : null;
        }

        if (open is { } last)
        {
            episodes.Add(new SenEpisode(CtfSen.Provision(last.Type), last.Start, null, PrimaryNeed: null));
        }

        return episodes;
    }

    /// <summary>A DfE ethnicity code: four capital letters, a main code (WBRI) or an extended one (WENG), as sent.</summary>
    public static bool IsEthnicityCode(string text) => text is { Length: 4 } && text.All(char.IsAsciiLetterUpper);

    /// <summary>A DfE language code: three or four capital letters (ENG, ENB, POL, or an extended code such as ARAA).</summary>
    public static bool IsLanguageCode(string text) => text is { Length: 3 or 4 } && text.All(char.IsAsciiLetterUpper);

    /// <summary>A UK postcode in any case and spacing, written the Royal Mail way ("EM1 2AB"); false for anything else.</summary>
    public static bool TryNormalisePostcode(string text, out string postcode)
    {
        var compact = new string((text ?? "").Where(c => c != ' ').ToArray()).ToUpperInvariant();
        if (!Postcode().IsMatch(compact))
        {
            postcode = "";
            return false;
        }

        postcode = compact[..^3] + " " + compact[^3..];
        return true;
    }

    // Outward code (area, district, optional sub-district letter) then inward code (sector digit and unit letters).
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
