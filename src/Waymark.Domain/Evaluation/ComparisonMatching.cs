using Waymark.Domain.Schools;

namespace Waymark.Domain.Evaluation;

/// <summary>What must be equal for two children to be matched: year group, status group and school phase on the day.</summary>
public readonly record struct MatchKey(int YearGroup, StatusGroup Status, SchoolPhase Phase);

/// <summary>A child as the matching sees them: an id, their key and their attendance rate (percent) before the start.</summary>
public sealed record MatchSubject(Guid ChildId, MatchKey Key, double? PriorAttendance);

public enum UnmatchedReason
{
    /// <summary>No attendance recorded before the start, so nothing to match on.</summary>
    NoPriorAttendance,

    /// <summary>No child outside the programme with the same year group, status group and school phase was left.</summary>
    NoneWithSameCharacteristics,

    /// <summary>Children with the same characteristics were left, but none within the caliper of prior attendance.</summary>
    NoneWithinCaliper,
}

public sealed record MatchedPair(MatchSubject Programme, MatchSubject Comparison, bool WasTie)
{
    public double Distance => Math.Abs(Programme.PriorAttendance!.Value - Comparison.PriorAttendance!.Value);
}

public sealed record UnmatchedChild(MatchSubject Programme, UnmatchedReason Reason);

public sealed record MatchResult(IReadOnlyList<MatchedPair> Pairs, IReadOnlyList<UnmatchedChild> Unmatched)
{
    public int TiesBroken => Pairs.Count(p => p.WasTie);
}

/// <summary>
/// One-to-one nearest-neighbour matching without replacement: each programme child, in order of their id, takes the
/// comparison child with the same <see cref="MatchKey"/> whose prior attendance is nearest their own, if within the
/// caliper (percentage points, inclusive). A comparison child is used at most once. Equal distances go to the lower id,
/// so a run is repeatable, and the pair is marked as a tie. Programme children left without a match are returned with
/// the reason; they drop out of the comparison, which is reported rather than hidden.
/// </summary>
public static class ComparisonMatching
{
    public static MatchResult Match(IEnumerable<MatchSubject> programme, IEnumerable<MatchSubject> pool, double caliper)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(pool);
        if (double.IsNaN(caliper) || caliper < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(caliper), caliper, "The caliper must be zero or more percentage points.");
        }

        var programmeList = programme.ToList();
        var inProgramme = programmeList.Select(p => p.ChildId).ToHashSet();
        var available = pool
            .Where(c => !inProgramme.Contains(c.ChildId) && c.PriorAttendance is not null)
            .GroupBy(c => c.Key)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ChildId).ToList());

        var pairs = new List<MatchedPair>();
        var unmatched = new List<UnmatchedChild>();
        foreach (var child in programmeList.OrderBy(p => p.ChildId))
        {
            if (child.PriorAttendance is not double prior)
            {
                unmatched.Add(new UnmatchedChild(child, UnmatchedReason.NoPriorAttendance));
                continue;
            }

            if (!available.TryGetValue(child.Key, out var candidates) || candidates.Count == 0)
            {
                unmatched.Add(new UnmatchedChild(child, UnmatchedReason.NoneWithSameCharacteristics));
                continue;
            }

            MatchSubject? best = null;
            var bestDistance = double.MaxValue;
            var tie = false;
            foreach (var candidate in candidates)
            {
                var distance = Math.Abs(candidate.PriorAttendance!.Value - prior);
                if (distance < bestDistance)
                {
                    (best, bestDistance, tie) = (candidate, distance, false);
                }
                else if (distance == bestDistance)
                {
                    tie = true; // candidates are in id order, so the first found (lower id) stays
                }
            }

            if (best is null || bestDistance > caliper)
            {
                unmatched.Add(new UnmatchedChild(child, UnmatchedReason.NoneWithinCaliper));
                continue;
            }

            candidates.Remove(best);
            pairs.Add(new MatchedPair(child, best, tie));
        }

        return new MatchResult(pairs, unmatched);
    }
}
