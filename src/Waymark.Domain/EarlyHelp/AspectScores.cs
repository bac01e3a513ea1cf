namespace Waymark.Domain.EarlyHelp;

/// <summary>One person's answer for one aspect of life: a score from 0 (really worried) to 10 (all is well), or "not applicable" with a reason.</summary>
public sealed record AspectAnswer(AspectOfLife Aspect, int? Score, string? NotApplicableReason);

/// <summary>The rules of the 0–10 self-assessment scale and what the scores suggest.</summary>
public static class AspectScores
{
    public const int Lowest = 0;

    public const int Highest = 10;

    /// <summary>What is wrong with one answer, or null. The messages name the aspect, so they read well in an error summary.</summary>
    public static string? Problem(AspectOfLife aspect, int? score, bool notApplicable, string? notApplicableReason)
    {
        var name = AspectsOfLife.DisplayName(aspect);
        if (notApplicable)
        {
            if (!AspectsOfLife.MayBeNotApplicable(aspect))
            {
                return $"{name} cannot be marked not applicable: only Pregnancy & Early Years can. Give a score from 0 to 10";
            }

            if (score is not null)
            {
                return $"Give a score for {name} or mark it not applicable, not both";
            }

            return string.IsNullOrWhiteSpace(notApplicableReason) ? $"Say why {name} is not applicable to this person" : null;
        }

        return score switch
        {
            null => $"Give a score from 0 to 10 for {name}",
            < Lowest or > Highest => $"The score for {name} must be from 0 (really worried) to 10 (all is well)",
            _ => null,
        };
    }

    /// <summary>
    /// Aspects to suggest goals for, most worrying first: each aspect's lowest score across the family (the one most
    /// worried about it counts), ties in the form's order. Aspects everyone scored 10, or nobody scored, are left out.
    /// </summary>
    public static IReadOnlyList<AspectOfLife> SuggestedGoals(IEnumerable<AspectAnswer> answers) =>
        answers.Where(a => a.Score is not null)
            .GroupBy(a => a.Aspect)
            .Select(g => (Aspect: g.Key, Lowest: g.Min(a => a.Score!.Value)))
            .Where(x => x.Lowest < Highest)
            .OrderBy(x => x.Lowest).ThenBy(x => x.Aspect)
            .Select(x => x.Aspect)
            .ToList();

    /// <summary>
    /// Where the practitioner's view and a family member's differ enough to talk about: the practitioner disagreed, or
    /// family members' scores for the same aspect are this far apart.
    /// </summary>
    public const int NotableDifference = 3;

    /// <summary>Aspects on which the scores given (by family members at one sitting) are <see cref="NotableDifference"/> or more apart.</summary>
    public static IReadOnlyList<AspectOfLife> Disagreements(IEnumerable<AspectAnswer> answers) =>
        answers.Where(a => a.Score is not null)
            .GroupBy(a => a.Aspect)
            .Where(g => g.Max(a => a.Score!.Value) - g.Min(a => a.Score!.Value) >= NotableDifference)
            .Select(g => g.Key)
            .OrderBy(a => a)
            .ToList();

    /// <summary>
    /// The average change per aspect between each person's first score and their last (positive is better), over
    /// the people scored at both; aspects nobody was scored on twice are left out.
    /// </summary>
    public static IReadOnlyDictionary<AspectOfLife, decimal> AverageChange(IEnumerable<(AspectOfLife Aspect, int First, int Last)> pairs) =>
        pairs.GroupBy(p => p.Aspect)
            .ToDictionary(g => g.Key, g => Math.Round(g.Average(p => (decimal)(p.Last - p.First)), 1, MidpointRounding.AwayFromZero));
}
