namespace Waymark.Domain.Kpis;

/// <summary>
/// One indicator's figure for one group: what was counted (numerator) over what it is counted out of (denominator,
/// 0 for a plain count). Cells add, so a group's figure is the sum of its members' cells.
/// </summary>
public readonly record struct KpiCell(long Numerator, long Denominator)
{
    public static KpiCell operator +(KpiCell a, KpiCell b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);

    /// <summary>The indicator's value: a count for a count, otherwise a percentage or rate per 100 (the same sum).</summary>
    public decimal? ValueFor(Indicator indicator) =>
        indicator.Unit == IndicatorUnit.Count ? Numerator : KpiRates.PerHundred(Numerator, Denominator);

    /// <summary>The value as a table shows it, with small numbers suppressed when <paramref name="suppress"/>.</summary>
    public string Display(Indicator indicator, bool suppress) =>
        indicator.Unit == IndicatorUnit.Count
            ? Suppression.Count(Numerator, suppress)
            : Suppression.Rate(ValueFor(indicator), Numerator, Denominator, suppress);
}
