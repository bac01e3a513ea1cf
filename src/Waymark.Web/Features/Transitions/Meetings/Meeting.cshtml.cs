using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Transitions.Meetings;

/// <summary>One meeting: when and where, who was invited and who came, what was said, and the actions agreed.</summary>
public sealed class MeetingModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor) : MeetingPageModel(db, gate)
{
    public string? ArrangedBy { get; private set; }

    public string? RecordedBy { get; private set; }

    public IReadOnlyList<RoleAttendance> Attendance { get; private set; } = [];

    public string? WhyCannotRecord => MeetingRules.WhyCannotRecord(Meeting.Status, Meeting.Date, View.Today);

    public bool CanChange => View.Rights.EditPlanning;

    public async Task<IActionResult> OnGetAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, "PCP meeting", r => r.SeePlanning) is IActionResult refused)
        {
            return refused;
        }

        var userIds = new[] { Meeting.CreatedByUserId, Meeting.RecordedByUserId };
        var names = await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        ArrangedBy = names.GetValueOrDefault(Meeting.CreatedByUserId);
        RecordedBy = Meeting.RecordedByUserId is string r ? names.GetValueOrDefault(r) : null;
        Attendance = PcpMeetings.AttendanceByRole(Meeting.Invitees.Select(i => (i.Role, i.Attendance)));
        return Page();
    }

    /// <summary>Marks one of this meeting's actions done today.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid id, int meetingId, int actionId)
    {
        if (await OpenMeetingAsync(id, meetingId, "mark a PCP meeting action done", r => r.EditPlanning, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        var action = Meeting.Actions.SingleOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return NotFound();
        }

        if (action.DoneOn is null)
        {
            action.DoneOn = View.Today;
            auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId,
                $"Action from the PCP meeting of {MeetingText.Date(Meeting.Date)} marked done");
            await Db.SaveChangesAsync();
        }

        Flash($"Action marked as done: {Shorten(action.What)}");
        return Redirect($"{MeetingPath}#actions");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
