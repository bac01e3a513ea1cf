using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Transitions.Programme.Board;

public sealed record SchoolLine(int SchoolId, int Urn, string Name, int Children, int ProfilesComplete, int Shared, int Acknowledged,
    bool HasLead, bool HadWholeSchoolTraining, int StaffTrained);

/// <summary>The LA's view of the whole programme: children by stage and by school, gaps, meetings, sharing and Year 7 flags.</summary>
public sealed class IndexModel(WaymarkDbContext db, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public AcademicYear Year { get; private set; }

    public DateOnly TodayDate { get; private set; }

    public IReadOnlyDictionary<TransitionStage, int> ByStage { get; private set; } = new Dictionary<TransitionStage, int>();

    public IReadOnlyList<SchoolLine> Schools { get; private set; } = [];

    public IReadOnlyList<RoleAttendance> Attendance { get; private set; } = [];

    public int MeetingsHeld { get; private set; }

    public int MeetingsPlanned { get; private set; }

    public int SharedCount { get; private set; }

    public int AcknowledgedCount { get; private set; }

    public int SocialWorkersTrained { get; private set; }

    public IReadOnlyList<TransitionRow> Flagged { get; private set; } = [];

    public IReadOnlyList<TransitionRow> AwaitingAcknowledgement { get; private set; } = [];

    public async Task OnGetAsync()
    {
        TodayDate = clock.UkToday();
        Year = AcademicYear.Containing(TodayDate);
        var start = Year.StartYear;
        var current = db.Transitions.Where(t => (t.CohortYear == start || t.CohortYear == start + 1) && t.Decision != CohortDecision.Removed);
        var rows = await TransitionRows.LoadAsync(db.Transitions.Where(t => t.CohortYear >= start - 1 && t.CohortYear <= start + 1), TodayDate);
        var cohort = rows.Where(r => r.CohortYear >= start).ToList();
        ByStage = cohort.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count());

        var leads = (await db.SchoolTransitionLeads.Where(l => l.EndedOn == null).Select(l => l.SchoolId).Distinct().ToListAsync()).ToHashSet();
        var wholeSchool = (await db.TrainingSessions.Where(s => s.Kind == TrainingKind.WholeSchool && s.SchoolId != null && s.Date <= TodayDate)
            .Select(s => s.SchoolId!.Value).Distinct().ToListAsync()).ToHashSet();
        var staffTrained = await db.TrainingAttendees.Where(a => a.Type == TrainingAudience.SchoolStaff && a.SchoolId != null)
            .GroupBy(a => a.SchoolId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        SocialWorkersTrained = await db.TrainingAttendees.CountAsync(a => a.Type == TrainingAudience.SocialWorkers);
        var schools = await db.Schools.AsNoTracking().Select(s => new { s.Id, s.Urn, s.Name }).ToDictionaryAsync(s => s.Id);

        Schools = cohort.Where(r => r.Decision != CohortDecision.Removed && r.SendingSchoolId is not null)
            .GroupBy(r => r.SendingSchoolId!.Value)
            .Select(g => new SchoolLine(g.Key, schools[g.Key].Urn, schools[g.Key].Name, g.Count(),
                g.Count(r => r.SectionsMissing == 0), g.Count(r => r.Stage is TransitionStage.Shared or TransitionStage.Acknowledged),
                g.Count(r => r.Acknowledged), leads.Contains(g.Key), wholeSchool.Contains(g.Key), staffTrained.GetValueOrDefault(g.Key)))
            .OrderBy(s => s.HasLead).ThenBy(s => s.HadWholeSchoolTraining).ThenBy(s => s.Name).ToList();

        var invitees = await db.PcpMeetings.Where(m => current.Select(t => t.Id).Contains(m.TransitionId) && m.Status == MeetingStatus.Held)
            .SelectMany(m => m.Invitees).Select(i => new { i.Role, i.Attendance }).ToListAsync();
        Attendance = PcpMeetings.AttendanceByRole(invitees.Select(i => (i.Role, i.Attendance)));
        MeetingsHeld = await db.PcpMeetings.CountAsync(m => current.Select(t => t.Id).Contains(m.TransitionId) && m.Status == MeetingStatus.Held);
        MeetingsPlanned = await db.PcpMeetings.CountAsync(m => current.Select(t => t.Id).Contains(m.TransitionId) && m.Status == MeetingStatus.Planned);

        SharedCount = cohort.Count(r => r.Stage is TransitionStage.Shared or TransitionStage.Acknowledged);
        AcknowledgedCount = cohort.Count(r => r.Stage == TransitionStage.Acknowledged);
        AwaitingAcknowledgement = cohort.Where(r => r.Stage == TransitionStage.Shared).ToList();
        Flagged = rows.Where(r => r.CohortYear == start - 1 && r.Flagged).ToList();
        await auditor.RecordNowAsync(AuditActions.TransitionViewed, detail: $"cohort board {Year}");
    }
}
