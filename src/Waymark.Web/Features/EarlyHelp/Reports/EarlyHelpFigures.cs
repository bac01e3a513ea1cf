using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;

namespace Waymark.Web.Features.EarlyHelp.Reports;

public sealed record AgencyRow(string Agency, int Tier2, int Tier3, int NoTierYet, int ReviewsOverdue)
{
    public int Total => Tier2 + Tier3 + NoTierYet;
}

public sealed record AspectChange(AspectOfLife Aspect, decimal AverageChange, int People);

public sealed record MashFigures(int Contacts, int SteppedUp, int PlanContinues, int Awaiting);

/// <summary>
/// The LA's early help figures (issue 6, "Reporting"): open plans by tier and Lead Professional agency, reviews overdue,
/// the average change in each aspect's score between the first assessment and closure, closure reasons and MASH step-ups.
/// Closures and MASH contacts count from <paramref name="since"/>.
/// </summary>
public sealed record EarlyHelpFigures(
    IReadOnlyList<AgencyRow> OpenByAgency, IReadOnlyList<AspectChange> ScoreChanges, IReadOnlyDictionary<ClosureReason, int> Closures,
    MashFigures Mash, DateOnly Since)
{
    public int Open => OpenByAgency.Sum(r => r.Total);

    public int ReviewsOverdue => OpenByAgency.Sum(r => r.ReviewsOverdue);

    public int Closed => Closures.Values.Sum();

    public static async Task<EarlyHelpFigures> LoadAsync(WaymarkDbContext db, DateOnly today, DateOnly since, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.EarlyHelpPlans.AsNoTracking()
            .Where(p => p.Stage == PlanStage.Assessment || p.Stage == PlanStage.Active || p.Stage == PlanStage.WithMash)
            .Select(p => new
            {
                p.Tier, p.Stage, p.ReviewDueOn,
                Agency = p.LeadProfessionals.Where(l => l.EndedOn == null).Select(l => l.Agency).FirstOrDefault(),
            }).ToListAsync(ct);
        var byAgency = open.GroupBy(p => string.IsNullOrWhiteSpace(p.Agency) ? "No Lead Professional" : p.Agency!.Trim())
            .Select(g => new AgencyRow(g.Key,
                g.Count(p => p.Tier == TierOfNeed.Tier2), g.Count(p => p.Tier == TierOfNeed.Tier3), g.Count(p => p.Tier is null),
                g.Count(p => p.Stage == PlanStage.Active && p.ReviewDueOn is DateOnly due && ReviewSchedule.IsOverdue(due, today))))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Agency, StringComparer.Ordinal).ToList();

        var closures = await db.EarlyHelpPlans.AsNoTracking()
            .Where(p => p.ClosedOn != null && p.ClosedOn >= since && p.ClosureReason != null)
            .GroupBy(p => p.ClosureReason!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var mash = await db.EarlyHelpPlans.AsNoTracking().Where(p => p.MashContactOn != null && p.MashContactOn >= since)
            .Select(p => p.MashOutcome).ToListAsync(ct);

        return new EarlyHelpFigures(byAgency, await ScoreChangesAsync(db, since, ct),
            closures.ToDictionary(c => c.Key, c => c.Count),
            new MashFigures(mash.Count, mash.Count(m => m == MashOutcome.SteppedUp), mash.Count(m => m == MashOutcome.PlanContinues), mash.Count(m => m is null)),
            since);
    }

    /// <summary>
    /// For plans closed since the date: each family member's score at the plan's assessment against their score at the
    /// last review that re-scored them; members never re-scored, and "not applicable" answers, are left out.
    /// </summary>
    private static async Task<IReadOnlyList<AspectChange>> ScoreChangesAsync(WaymarkDbContext db, DateOnly since, CancellationToken ct)
    {
        var closedPlans = db.EarlyHelpPlans.Where(p => p.Stage == PlanStage.Closed && p.ClosedOn != null && p.ClosedOn >= since).Select(p => p.Id);
        var scores = await (
            from score in db.AspectScores.AsNoTracking()
            join sitting in db.SelfAssessments.AsNoTracking() on score.SelfAssessmentId equals sitting.Id
            where closedPlans.Contains(sitting.PlanId) && score.Score != null
            select new { sitting.MemberId, sitting.ReviewId, sitting.AssessedOn, score.Aspect, Score = score.Score!.Value }).ToListAsync(ct);
        var pairs = new List<(AspectOfLife, int, int)>();
        foreach (var person in scores.GroupBy(s => (s.MemberId, s.Aspect)))
        {
            var first = person.Where(s => s.ReviewId is null).Select(s => (int?)s.Score).FirstOrDefault();
            var last = person.Where(s => s.ReviewId is not null).OrderBy(s => s.AssessedOn).ThenBy(s => s.ReviewId).Select(s => (int?)s.Score).LastOrDefault();
            if (first is int f && last is int l)
            {
                pairs.Add((person.Key.Aspect, f, l));
            }
        }

        var averages = AspectScores.AverageChange(pairs);
        return AspectsOfLife.All.Where(averages.ContainsKey)
            .Select(a => new AspectChange(a, averages[a], pairs.Count(p => p.Item1 == a)))
            .ToList();
    }
}
