namespace Waymark.Domain.Evaluation;

/// <summary>One child's outcome before and after the start (an attendance rate, or a count of suspensions).</summary>
public readonly record struct BeforeAfter(double Before, double After)
{
    public double Change => After - Before;
}

/// <summary>Means and spread of one group's outcome: before, after and the change.</summary>
public sealed record GroupSummary(int Count, double? MeanBefore, double? MeanAfter, double? MeanChange, double? ChangeStandardDeviation)
{
    public static GroupSummary Of(IReadOnlyList<BeforeAfter> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new GroupSummary(0, null, null, null, null);
        }

        var meanChange = values.Average(v => v.Change);
        double? sd = values.Count < 2
            ? null
            : Math.Sqrt(values.Sum(v => (v.Change - meanChange) * (v.Change - meanChange)) / (values.Count - 1));
        return new GroupSummary(values.Count, values.Average(v => v.Before), values.Average(v => v.After), meanChange, sd);
    }
}

/// <summary>Why no effect size could be given.</summary>
public enum EffectSizeUnavailable
{
    None,
    EmptyGroup,

    /// <summary>Fewer than two degrees of freedom (n1 + n2 − 2 &lt; 2): Hedges' correction is zero or undefined.</summary>
    TooFewChildren,

    /// <summary>Every child's change was the same in both groups, so there is no spread to standardise by.</summary>
    NoVariation,
}

/// <summary>
/// The difference in differences and Hedges' g on the change scores, with a 95% confidence interval.
/// <list type="bullet">
/// <item>DiD = mean change (programme) − mean change (comparison).</item>
/// <item>Pooled SD of the changes s = √(((n₁−1)s₁² + (n₂−1)s₂²) / (n₁+n₂−2)); Cohen's d = DiD / s.</item>
/// <item>Hedges' correction J = 1 − 3 / (4·df − 1), df = n₁+n₂−2; g = J·d (Hedges 1981).</item>
/// <item>Var(g) = J²·((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))); 95% CI g ± 1.96·√Var(g) (Borenstein et al. 2009, ch. 4).</item>
/// </list>
/// The groups are treated as independent samples; see docs/evaluation.md for why and for the sources.
/// </summary>
public sealed record EvaluationResult(
    GroupSummary Programme,
    GroupSummary Comparison,
    double? DifferenceInDifferences,
    double? PooledStandardDeviation,
    double? HedgesG,
    double? ConfidenceLow,
    double? ConfidenceHigh,
    EffectSizeUnavailable Unavailable)
{
    public const double Z95 = 1.959963984540054;

    public static EvaluationResult Compute(IReadOnlyList<BeforeAfter> programme, IReadOnlyList<BeforeAfter> comparison)
    {
        var p = GroupSummary.Of(programme);
        var c = GroupSummary.Of(comparison);
        if (p.Count == 0 || c.Count == 0)
        {
            return new EvaluationResult(p, c, null, null, null, null, null, EffectSizeUnavailable.EmptyGroup);
        }

        var did = p.MeanChange!.Value - c.MeanChange!.Value;
        var df = p.Count + c.Count - 2;
        if (df < 2)
        {
            return new EvaluationResult(p, c, did, null, null, null, null, EffectSizeUnavailable.TooFewChildren);
        }

        var pVar = p.ChangeStandardDeviation is double ps ? ps * ps : 0;
        var cVar = c.ChangeStandardDeviation is double cs ? cs * cs : 0;
        var pooled = Math.Sqrt(((p.Count - 1) * pVar + (c.Count - 1) * cVar) / df);
        if (pooled == 0)
        {
            return new EvaluationResult(p, c, did, 0, null, null, null, EffectSizeUnavailable.NoVariation);
        }

        var d = did / pooled;
        var j = 1 - 3.0 / (4 * df - 1);
        var g = j * d;
        var n = (double)(p.Count + c.Count);
        var variance = j * j * (n / ((double)p.Count * c.Count) + d * d / (2 * n));
        var half = Z95 * Math.Sqrt(variance);
        return new EvaluationResult(p, c, did, pooled, g, g - half, g + half, EffectSizeUnavailable.None);
    }
}
