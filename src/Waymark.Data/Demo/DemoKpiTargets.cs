using Waymark.Data.Entities;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;

namespace Waymark.Data.Demo;

/// <summary>The LA strategy's targets (seed 002, lines 358–394): 2018/19 baseline, 2023/24 target.</summary>
internal static class DemoKpiTargets
{
    public static readonly IReadOnlyList<(string Code, SchoolPhase? Phase, decimal Baseline, decimal Target)> Table =
    [
        (Indicators.OverallAbsence.Code, SchoolPhase.Primary, 4.1m, 3.5m),
        (Indicators.OverallAbsence.Code, SchoolPhase.Secondary, 6.7m, 5.0m),
        (Indicators.PersistentAbsence.Code, SchoolPhase.Primary, 8.7m, 6.8m),
        (Indicators.PersistentAbsence.Code, SchoolPhase.Secondary, 17.9m, 13.5m),
        (Indicators.SuspensionRate.Code, SchoolPhase.Primary, 1.08m, 0.6m),
        (Indicators.SuspensionRate.Code, SchoolPhase.Secondary, 7.47m, 5.5m),
        (Indicators.ReducedTimetablesStarted.Code, null, 125m, 70m),
        (Indicators.ChronicAbsenceLeadProfessionalAndPlan.Code, null, 44m, 100m),
    ];

    public static async Task SeedAsync(WaymarkDbContext db, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        db.KpiTargets.AddRange(Table.Select(t => new KpiTarget
        {
            IndicatorCode = t.Code,
            Phase = t.Phase,
            BaselineYear = 2018,
            BaselineValue = t.Baseline,
            TargetYear = 2023,
            TargetValue = t.Target,
            UpdatedAtUtc = now,
        }));
        await db.SaveChangesAsync(ct);
    }
}
