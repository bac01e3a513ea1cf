using System.Collections.ObjectModel;

namespace Waymark.Domain.Children;

/// <summary>DfE main ethnicity codes and their names, in the DfE order (useful for pick lists).</summary>
public static class EthnicityCodes
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WBRI"] = "White British",
        ["WIRI"] = "White Irish",
        ["WIRT"] = "Traveller of Irish heritage",
        ["WOTH"] = "Any other White background",
        ["WROM"] = "Gypsy/Roma",
        ["MWBC"] = "White and Black Caribbean",
        ["MWBA"] = "White and Black African",
        ["MWAS"] = "White and Asian",
        ["MOTH"] = "Any other mixed background",
        ["AIND"] = "Indian",
        ["APKN"] = "Pakistani",
        ["ABAN"] = "Bangladeshi",
        ["AOTH"] = "Any other Asian background",
        ["BCRB"] = "Black Caribbean",
        ["BAFR"] = "Black African",
        ["BOTH"] = "Any other Black background",
        ["CHNE"] = "Chinese",
        ["OOTH"] = "Any other ethnic group",
        ["REFU"] = "Refused",
        ["NOBT"] = "Information not yet obtained",
    };

    /// <summary>Code to name; lookups ignore case.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new ReadOnlyDictionary<string, string>(Names);

    /// <summary>The name for a code, or the code itself when it is not a main code (so nothing is hidden).</summary>
    public static string DisplayName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Names.TryGetValue(code.Trim(), out var name) ? name : code;
    }
}
