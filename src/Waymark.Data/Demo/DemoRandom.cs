using Bogus;

namespace Waymark.Data.Demo;

/// <summary>Helpers over Bogus' seeded <see cref="Randomizer"/>; nothing here touches a global seed.</summary>
internal static class DemoRandom
{
    /// <summary>Independent, repeatable streams derived from one user seed.</summary>
    public static Randomizer Stream(int seed, int stream)
    {
        unchecked
        {
            var mixed = (uint)seed * 0x9E3779B1u ^ (uint)stream * 0x85EBCA77u;
            mixed ^= mixed >> 15;
            mixed *= 0xC2B2AE3Du;
            mixed ^= mixed >> 13;
            return new Randomizer((int)(mixed & 0x7FFFFFFF));
        }
    }

    /// <summary>A version-4 style GUID whose bits come from the seeded stream.</summary>
    public static Guid NextGuid(this Randomizer random)
    {
        var bytes = random.Bytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A date between the two, inclusive; <paramref name="from"/> when the range is empty.</summary>
    public static DateOnly DateBetween(this Randomizer random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Number(0, to.DayNumber - from.DayNumber));

    public static bool Chance(this Randomizer random, double probability) => random.Double() < probability;

    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items) => items[random.Number(0, items.Count - 1)];

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>Picks items in proportion to their weights.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(params (T Item, double Weight)[] entries)
    {
        if (entries.Any(e => e.Weight < 0 || double.IsNaN(e.Weight)))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(entries));
        }

        // Zero weights are dropped so that a value on a boundary can never land on them.
        var kept = entries.Where(e => e.Weight > 0).ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(entries));
        }

        _items = new T[kept.Length];
        _cumulative = new double[kept.Length];
        var total = 0.0;
        for (var i = 0; i < kept.Length; i++)
        {
            total += kept[i].Weight;
            _items[i] = kept[i].Item;
            _cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public double TotalWeight => _cumulative[^1];

    public T Pick(Randomizer random)
    {
        var x = random.Double() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, x);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
