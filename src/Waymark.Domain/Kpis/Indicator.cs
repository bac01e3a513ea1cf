namespace Waymark.Domain.Kpis;

/// <summary>Which way an indicator should move: absence should fall, plans in place should rise.</summary>
public enum Direction
{
    LowerIsBetter,
    HigherIsBetter,
}

/// <summary>How an indicator's value reads: a percentage, a rate per 100 pupils, or a count of children.</summary>
public enum IndicatorUnit
{
    Percent,
    PerHundredPupils,
    Count,
}

/// <summary>
/// One indicator, defined once: what is counted (numerator) over what (denominator), for whom (cohort) and when
/// (period), with the plain-English definition the pages show and where the definition comes from.
/// <see cref="PerChild"/> is false for an indicator counted per family plan rather than per child: it has no breakdown
/// by year group or vulnerable group.
/// </summary>
public sealed record Indicator(
    string Code,
    string Name,
    string Numerator,
    string? Denominator,
    string Cohort,
    string Period,
    string Definition,
    string Source,
    IndicatorUnit Unit,
    Direction Direction,
    bool ByPhase,
    bool PerChild = true)
{
    /// <summary>The value as the pages show it: "4.10%", "1.08 per 100 pupils", "125".</summary>
    public string Format(decimal value) => Unit switch
    {
        IndicatorUnit.Percent => $"{value:0.00}%",
        IndicatorUnit.PerHundredPupils => $"{value:0.00} per 100 pupils",
        _ => $"{value:0}",
    };
}
