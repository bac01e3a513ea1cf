using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Transitions.Meetings;

/// <summary>Cancel a planned meeting, with the reason. A cancelled meeting is not one of the child's three.</summary>
public sealed class CancelModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor) : MeetingPageModel(db, gate)
{
    private const string PageName = "cancel a PCP meeting";

    [BindProperty]
    public string? Reason { get; set; }

    public string? CannotCancel { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, PageName, r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        CannotCancel = MeetingRules.WhyCannotCancel(Meeting.Status);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, PageName, r => r.EditPlanning, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        CannotCancel = MeetingRules.WhyCannotCancel(Meeting.Status);
        if (CannotCancel is not null)
        {
            return Page();
        }

        var reason = MeetingText.Clean(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the meeting is cancelled");
        }
        else if (reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 1,000 characters or fewer");
        }

        if (!ModelState.IsValid || reason is null)
        {
            return Page();
        }

        Meeting.Status = MeetingStatus.Cancelled;
        Meeting.CancelledReason = reason;
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, $"PCP meeting of {MeetingText.Date(Meeting.Date)} cancelled");
        await Db.SaveChangesAsync();

        Flash($"Meeting on {MeetingText.Date(Meeting.Date)} cancelled");
        return Redirect(MeetingPath);
    }
}
