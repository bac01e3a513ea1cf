using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Meetings;

/// <summary>An action agreed for the child: what, who does it, and by when.</summary>
public sealed class AddActionModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor) : MeetingPageModel(db, gate)
{
    private const string PageName = "add a PCP meeting action";

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Who { get; set; }

    [BindProperty]
    public DateInput ByWhen { get; set; } = new();

    public string? CannotAdd { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, PageName, r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        CannotAdd = MeetingRules.WhyNoActions(Meeting.Status);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, PageName, r => r.EditPlanning, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        CannotAdd = MeetingRules.WhyNoActions(Meeting.Status);
        if (CannotAdd is not null)
        {
            return Page();
        }

        var what = MeetingText.Clean(What);
        if (what is null)
        {
            ModelState.AddModelError(nameof(What), "Enter what needs to be done");
        }
        else if (what.Length > 1000)
        {
            ModelState.AddModelError(nameof(What), "What needs to be done must be 1,000 characters or fewer");
        }

        var who = MeetingText.Clean(Who);
        if (who is null)
        {
            ModelState.AddModelError(nameof(Who), "Enter who will do it");
        }
        else if (who.Length > 200)
        {
            ModelState.AddModelError(nameof(Who), "Who will do it must be 200 characters or fewer");
        }

        var byWhen = ByWhen.Parse(ModelState, nameof(ByWhen), "the date it must be done by");
        if (byWhen is DateOnly d && PlanDates.NotInPast(d, View.Today, "The date it must be done by") is string past)
        {
            ModelState.AddModelError(nameof(ByWhen), past);
        }

        if (!ModelState.IsValid || what is null || who is null || byWhen is null)
        {
            return Page();
        }

        Meeting.Actions.Add(new PcpAction { What = what, Who = who, ByWhen = byWhen.Value });
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId,
            $"Action added to the PCP meeting of {MeetingText.Date(Meeting.Date)}, due {MeetingText.Date(byWhen.Value)}");
        await Db.SaveChangesAsync();

        Flash("Action added");
        return Redirect($"{MeetingPath}#actions");
    }
}
