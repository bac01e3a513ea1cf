using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Kpis;
using Waymark.Domain.Calendar;
using Waymark.Domain.Kpis;
using Waymark.Domain.QualityMark;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Web.Features.QualityMark;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>One of the school's figures this year so far beside the same figure for the LA's schools of its phase.</summary>
public sealed record FigureBeside(Indicator Indicator, KpiCell School, KpiCell Similar)
{
    /// <summary>Worse than similar schools, in the indicator's own direction; null when either has no value.</summary>
    public bool? Worse => School.ValueFor(Indicator) is decimal s && Similar.ValueFor(Indicator) is decimal p
        ? (Indicator.Direction == Direction.LowerIsBetter ? s > p : s < p)
        : null;
}

/// <summary>
/// A school's current picture for its Link Co-ordinator, in one place: its absence and suspension figures beside the
/// LA's schools of the same phase (the similar schools the LA compares it with), its Transition Leads and training, and
/// the programmes it takes part in. Every figure comes from the feature that owns it (KPIs, transition training, the
/// quality mark), so this page and those agree.
/// </summary>
public sealed record SchoolPicture(
    string SimilarSchools,
    IReadOnlyList<FigureBeside> Figures,
    IReadOnlyList<string> TransitionLeads,
    SchoolTrainingCoverage Training,
    int CohortChildren,
    int EarlyHelpPlansLed,
    SchoolProgress QualityMark,
    int QualityMarkStandards)
{
    public static readonly IReadOnlyList<Indicator> Shown = [Indicators.OverallAbsence, Indicators.PersistentAbsence, Indicators.SuspensionRate];

    public static async Task<SchoolPicture> LoadAsync(WaymarkDbContext db, School school, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(school);
        var year = AcademicYear.Containing(today);
        var phase = Indicators.ReportedPhaseOf(school.Phase);
        var kpis = new KpiFigures(db);
        var figures = new List<FigureBeside>();
        foreach (var indicator in Shown)
        {
            // One LA-wide computation gives both the school's row and its phase's.
            var all = await kpis.ComputeAsync(indicator, year, today, ct: ct);
            var own = all.By(KpiDimension.School).FirstOrDefault(r => r.Urn == school.Urn)?.Cell ?? default;
            figures.Add(new FigureBeside(indicator, own, phase is SchoolPhase p ? all.ForPhase(p) : all.All));
        }

        var leads = await db.SchoolTransitionLeads.AsNoTracking().Where(l => l.SchoolId == school.Id && (l.EndedOn == null || l.EndedOn >= today))
            .OrderBy(l => l.Name).Select(l => l.Name).ToListAsync(ct);
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.SchoolId == school.Id).Select(s => new { s.SchoolId, s.Kind, s.Date }).ToListAsync(ct);
        var attendances = await db.TrainingAttendees.AsNoTracking().Where(a => a.SchoolId == school.Id)
            .Join(db.TrainingSessions, a => a.SessionId, s => s.Id, (a, s) => new { a.Name, a.Type, a.SchoolId, s.Date }).ToListAsync(ct);
        var training = Waymark.Domain.Transitions.Training.Coverage([school.Id],
            sessions.Select(s => new TrainingSessionFact(s.SchoolId, s.Kind == TrainingKind.WholeSchool, s.Date)),
            attendances.Select(a => new TrainingAttendanceFact(a.Name, a.Type == TrainingAudience.SocialWorkers, a.SchoolId, a.Date)), today).Schools.Single();

        var cohort = await db.Transitions.AsNoTracking().CountAsync(t => t.SendingSchoolId == school.Id && t.CohortYear == year.StartYear && t.Decision == CohortDecision.Confirmed, ct);
        var plans = await db.EarlyHelpPlans.AsNoTracking().CountAsync(p => p.LeadSchoolId == school.Id && p.ClosedOn == null, ct);
        var progress = await QualityMarkProgress.LoadAsync(db);
        var mark = (await progress.ForSchoolsAsync(db, [school], today)).Single();
        return new SchoolPicture(
            phase is SchoolPhase sp ? $"the LA's {SchoolPhases.DisplayName(sp).ToLowerInvariant()} schools" : "all the LA's schools",
            figures, leads, training, cohort, plans, mark, progress.CurrentStandardIds.Count);
    }
}
