using System.Globalization;

namespace Waymark.Domain.Kpis;

/// <summary>What the LA may enter as a target: the form's fields checked one by one, each problem in words.</summary>
public static class TargetRules
{
    /// <summary>DfE's absence statistics in their current form start in 2005/06; no baseline is older.</summary>
    public const int EarliestYear = 2005;

    /// <summary>A target further ahead than this is not a plan the LA can be held to.</summary>
    public const int MostYearsAhead = 15;

    /// <summary>
    /// A value as typed ("4.1", "4.10%", " 70 "): a number of at most two decimal places, not negative, at most 100 for a
    /// percentage, whole for a count. Null with the problem when it is not.
    /// </summary>
    public static decimal? ParseValue(string? text, Indicator indicator, out string? problem)
    {
        var trimmed = (text ?? "").Trim();
        if (indicator.Unit == IndicatorUnit.Percent && trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        if (trimmed.Length == 0)
        {
            problem = "Enter a value";
            return null;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problem = "Enter the value as a number, like " + Example(indicator);
            return null;
        }

        problem = value.Scale > 2 && value != Math.Round(value, 2) ? "Enter the value to no more than 2 decimal places"
            : indicator.Unit == IndicatorUnit.Percent && value > 100 ? "A percentage cannot be more than 100"
            : indicator.Unit == IndicatorUnit.Count && value != Math.Floor(value) ? "Enter a whole number of pupils"
            : null;
        return problem is null ? value : null;
    }

    /// <summary>A stored value as people wrote it: 4.1 (not 4.10, as a database's fixed scale returns it), 70, 1.08.</summary>
    public static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The problem with the pair of years, or null: the target year comes after the baseline, neither absurd.</summary>
    public static string? YearsProblem(int baselineYear, int targetYear, int currentYear)
    {
        if (baselineYear < EarliestYear || baselineYear > currentYear)
        {
            return $"The baseline year must be between {Describe(EarliestYear)} and this year, {Describe(currentYear)}";
        }

        if (targetYear <= baselineYear)
        {
            return "The target year must be after the baseline year";
        }

        return targetYear > currentYear + MostYearsAhead
            ? $"The target year must be no later than {Describe(currentYear + MostYearsAhead)}"
            : null;
    }

    /// <summary>A target must not aim for worse than the baseline (holding it is allowed).</summary>
    public static string? DirectionProblem(Indicator indicator, decimal baseline, decimal target) =>
        indicator.Direction == Direction.LowerIsBetter && target > baseline
            ? $"Lower is better for {Lower(indicator.Name)}, so the target cannot be above the baseline"
            : indicator.Direction == Direction.HigherIsBetter && target < baseline
                ? $"Higher is better for {Lower(indicator.Name)}, so the target cannot be below the baseline"
                : null;

    // "Overall absence rate" reads "overall absence rate" mid-sentence; "Lead Professional" keeps its capitals.
    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Describe(int startYear) => new Calendar.AcademicYear(startYear).ToString();

    private static string Example(Indicator indicator) => indicator.Unit switch
    {
        IndicatorUnit.Percent => "4.1",
        IndicatorUnit.PerHundredPupils => "1.08",
        _ => "70",
    };
}
