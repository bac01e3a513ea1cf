namespace Waymark.Domain.Kpis;

public enum RagStatus
{
    Green,
    Amber,
    Red,
}

/// <summary>A target: the value in the baseline year and the value the LA aims for by the target year.</summary>
public readonly record struct TargetLine(int BaselineYear, decimal BaselineValue, int TargetYear, decimal TargetValue)
{
    /// <summary>
    /// Where the straight line from baseline to target is in <paramref name="year"/> (academic years by their start
    /// year): the baseline before it starts and the target once it is due, so a late year is held to the target.
    /// </summary>
    public decimal ExpectedIn(int year)
    {
        if (year <= BaselineYear || TargetYear <= BaselineYear)
        {
            return year >= TargetYear ? TargetValue : BaselineValue;
        }

        if (year >= TargetYear)
        {
            return TargetValue;
        }

        return BaselineValue + ((TargetValue - BaselineValue) * (year - BaselineYear) / (TargetYear - BaselineYear));
    }
}

/// <summary>
/// Red, amber or green from progress along the line from baseline to target (docs/kpis.md):
/// <list type="bullet">
/// <item>Green: at or better than where the line says the indicator should be this year.</item>
/// <item>Amber: behind the line by no more than a quarter of the whole planned change (baseline to target).</item>
/// <item>Red: behind by more than that, or worse than the baseline.</item>
/// </list>
/// "Better" follows the indicator's direction. A target equal to its baseline (no planned change) is green when met,
/// red otherwise.
/// </summary>
public static class Rag
{
    /// <summary>The share of the whole planned change an indicator may lag the line and still be amber.</summary>
    public const decimal AmberTolerance = 0.25m;

    public static RagStatus Status(TargetLine line, int year, decimal actual, Direction direction)
    {
        var expected = line.ExpectedIn(year);
        // Positive when worse than expected, in the indicator's own direction.
        var shortfall = direction == Direction.LowerIsBetter ? actual - expected : expected - actual;
        if (shortfall <= 0)
        {
            return RagStatus.Green;
        }

        var worseThanBaseline = direction == Direction.LowerIsBetter ? actual > line.BaselineValue : actual < line.BaselineValue;
        var plannedChange = Math.Abs(line.TargetValue - line.BaselineValue);
        if (plannedChange == 0 || worseThanBaseline)
        {
            return RagStatus.Red;
        }

        return shortfall <= plannedChange * AmberTolerance ? RagStatus.Amber : RagStatus.Red;
    }

    /// <summary>The words on the GOV.UK tag, so the status never rests on colour alone.</summary>
    public static string DisplayName(RagStatus status) => status switch
    {
        RagStatus.Green => "On track",
        RagStatus.Amber => "Slightly behind",
        _ => "Off track",
    };

    public static string TagClass(RagStatus status) => status switch
    {
        RagStatus.Green => "govuk-tag--green",
        RagStatus.Amber => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };
}
