using System.Globalization;
using Waymark.Domain.Identifiers;

namespace Waymark.Data.Demo;

/// <summary>
/// Hands out UPNs the way schools do (LA number, establishment number, allocation year, serial)
/// and guarantees that none is handed out twice.
/// </summary>
internal sealed class DemoUpns(IReadOnlyList<int> fallbackEstablishments)
{
    private const int MaxSerial = 999;
    private const int TemporarySlots = 100 * 23; // two digits then a check-table letter

    private readonly Dictionary<int, int> _permanent = [];
    private readonly Dictionary<int, int> _temporary = [];

    private static int Key(int laCode, int establishment, int allocationYear) =>
        ((laCode * 10000) + establishment) * 100 + (allocationYear % 100);

    /// <summary>
    /// A permanent UPN from the school the child first entered. Should that school's serials for the
    /// year run out (only in enormous runs), another establishment's are used, still without repeats.
    /// </summary>
    public string Permanent(int laCode, int establishment, int allocationYear)
    {
        if (TryNext(_permanent, Key(laCode, establishment, allocationYear), 1, MaxSerial, out var serial))
        {
            return Upn.Create(laCode, establishment, allocationYear, serial);
        }

        foreach (var other in fallbackEstablishments)
        {
            if (TryNext(_permanent, Key(laCode, other, allocationYear), 1, MaxSerial, out serial))
            {
                return Upn.Create(laCode, other, allocationYear, serial);
            }
        }

        throw new InvalidOperationException("The demo data has run out of UPN serial numbers.");
    }

    /// <summary>A temporary UPN (ending in a letter) with a correct check letter, never repeated.</summary>
    public string Temporary(int laCode, int establishment, int allocationYear)
    {
        if (!TryNext(_temporary, Key(laCode, establishment, allocationYear), 0, TemporarySlots - 1, out var slot))
        {
            throw new InvalidOperationException("The demo data has run out of temporary UPNs.");
        }

        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"{laCode:D3}{establishment:D4}{allocationYear % 100:D2}{slot / 23:D2}{Upn.CheckLetters[slot % 23]}");
        return Upn.ComputeCheckLetter("A" + body) + body;
    }

    private static bool TryNext(Dictionary<int, int> counters, int key, int first, int last, out int value)
    {
        value = counters.TryGetValue(key, out var next) ? next : first;
        if (value > last)
        {
            return false;
        }

        counters[key] = value + 1;
        return true;
    }
}
