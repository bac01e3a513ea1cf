using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Programme.Training;

public sealed record SessionRow(int Id, DateOnly Date, TrainingKind Kind, TrainingAudience Audience, string Topic, string Trainer, string? School, int Attendees);

public sealed record CoverageRow(CohortSchool School, SchoolTrainingCoverage Coverage);

/// <summary>Training sessions, and how far each school in the cohort has been trained.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public IReadOnlyList<CoverageRow> Coverage { get; private set; } = [];

    public int SocialWorkersTrained { get; private set; }

    public bool CanManage => TransitionAccess.CanManageProgramme(currentUser.Role);

    public DateOnly TodayUk { get; private set; }

    public async Task OnGetAsync()
    {
        TodayUk = Today(clock);
        Sessions = await db.TrainingSessions.AsNoTracking()
            .OrderByDescending(s => s.Date).ThenBy(s => s.Topic)
            .Select(s => new SessionRow(s.Id, s.Date, s.Kind, s.Audience, s.Topic, s.Trainer, s.School!.Name, s.Attendees.Count))
            .ToListAsync();

        var cohort = await CohortSchools.LoadAsync(db, TodayUk);
        var facts = await db.TrainingSessions.AsNoTracking()
            .Select(s => new { s.SchoolId, s.Kind, s.Date }).ToListAsync();
        var attendances = await db.TrainingAttendees.AsNoTracking()
            .Join(db.TrainingSessions, a => a.SessionId, s => s.Id, (a, s) => new { a.Name, a.Type, a.SchoolId, s.Date })
            .ToListAsync();
        var coverage = Waymark.Domain.Transitions.Training.Coverage(
            cohort.Select(s => s.SchoolId),
            facts.Select(s => new TrainingSessionFact(s.SchoolId, s.Kind == TrainingKind.WholeSchool, s.Date)),
            attendances.Select(a => new TrainingAttendanceFact(a.Name, a.Type == TrainingAudience.SocialWorkers, a.SchoolId, a.Date)),
            TodayUk);
        var bySchool = coverage.Schools.ToDictionary(c => c.SchoolId);
        Coverage = cohort.Select(s => new CoverageRow(s, bySchool[s.SchoolId])).ToList();
        SocialWorkersTrained = coverage.SocialWorkersTrained;
    }
}
