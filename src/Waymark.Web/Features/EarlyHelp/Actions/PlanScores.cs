using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;

namespace Waymark.Web.Features.EarlyHelp.Actions;

/// <summary>The plan's latest scores: each assessed member's most recent self-assessment, the plan's or a review's.</summary>
public static class PlanScores
{
    public static async Task<List<AspectAnswer>> LatestAsync(WaymarkDbContext db, EarlyHelpPlan plan)
    {
        var assessed = plan.Members.Where(m => m.IsAssessed).Select(m => m.Id).ToList();
        var sittings = await db.SelfAssessments.AsNoTracking().Include(s => s.Scores)
            .Where(s => s.PlanId == plan.Id && assessed.Contains(s.MemberId)).ToListAsync();
        return sittings.GroupBy(s => s.MemberId)
            .Select(g => g.OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.ReviewId ?? 0).ThenByDescending(s => s.Id).First())
            .SelectMany(s => s.Scores.Select(x => new AspectAnswer(x.Aspect, x.Score, x.NotApplicableReason)))
            .ToList();
    }

    /// <summary>Aspects to set goals for, most worrying first, with the lowest score given.</summary>
    public static IReadOnlyList<(AspectOfLife Aspect, int Lowest)> Suggestions(IReadOnlyList<AspectAnswer> latest) =>
        AspectScores.SuggestedGoals(latest)
            .Select(a => (a, latest.Where(x => x.Aspect == a && x.Score is not null).Min(x => x.Score!.Value)))
            .ToList();
}
