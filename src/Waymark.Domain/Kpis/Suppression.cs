namespace Waymark.Domain.Kpis;

/// <summary>
/// Small-number suppression, as DfE marks suppressed cells "c" (docs/kpis.md): a count of 1 to 4 is hidden, and so is
/// any rate whose numerator or denominator is 1 to 4, since either lets a reader work out an individual child.
/// Zero is shown: it identifies nobody.
/// </summary>
public static class Suppression
{
    /// <summary>The smallest count shown; 1 to <c>Threshold - 1</c> are suppressed.</summary>
    public const int Threshold = 5;

    /// <summary>DfE's symbol for a suppressed ("confidential") cell.</summary>
    public const string Symbol = "c";

    public static bool Hides(long count) => count is > 0 and < Threshold;

    public static bool HidesRate(long numerator, long denominator) => Hides(numerator) || Hides(denominator);

    /// <summary>A count as shown: the number, or "c".</summary>
    public static string Count(long count, bool suppress) => suppress && Hides(count) ? Symbol : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A rate as shown: formatted, "c" when its parts are small, or "" when there is nothing to divide by.</summary>
    public static string Rate(decimal? rate, long numerator, long denominator, bool suppress) =>
        suppress && HidesRate(numerator, denominator) ? Symbol
        : rate is decimal r ? r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
        : "";
}
