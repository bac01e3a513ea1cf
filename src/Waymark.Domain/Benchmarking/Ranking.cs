namespace Waymark.Domain.Benchmarking;

/// <summary>An area's place among all local authorities on one indicator: 1 is the lowest absence.</summary>
public readonly record struct Rank(int Position, int OutOf, bool Tied);

public static class Ranking
{
    /// <summary>
    /// Where <paramref name="value"/> places among <paramref name="all"/> (every local authority's published figure,
    /// including the one ranked), lowest first. Ties share the best place ("1, 2, 2, 4"): the position is one more
    /// than the number of figures strictly lower. Null when the value is not published or not among the figures.
    /// </summary>
    public static Rank? Of(decimal? value, IReadOnlyCollection<decimal> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (value is not decimal v || !all.Contains(v))
        {
            return null;
        }

        var lower = all.Count(x => x < v);
        var same = all.Count(x => x == v);
        return new Rank(lower + 1, all.Count, same > 1);
    }

    /// <summary>The mean of the published figures, or null when none is published (an average of LAs, not of pupils).</summary>
    public static decimal? Average(IEnumerable<decimal?> values)
    {
        var published = values.OfType<decimal>().ToList();
        return published.Count == 0 ? null : published.Sum() / published.Count;
    }

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 112th...</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
    }
}
