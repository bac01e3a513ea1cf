using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Rules = Waymark.Domain.Attendance.ReducedTimetables;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>Ends a timetable when the pupil returns to full time, which clears its alerts.</summary>
public sealed class EndModel(WaymarkDbContext db, ReducedTimetableGate gate, Auditor auditor, TimeProvider clock)
    : ReducedTimetablePageModel(db, gate)
{
    [BindProperty]
    public DateInput EndedOn { get; set; } = new();

    [BindProperty]
    public string? EndNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int timetableId)
    {
        if (await OpenTimetableAsync(id, timetableId, $"timetable {timetableId} end", change: true) is IActionResult refused)
        {
            return refused;
        }

        EndedOn = DateInput.From(Access.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int timetableId)
    {
        if (await OpenTimetableAsync(id, timetableId, $"timetable {timetableId} end", change: true) is IActionResult refused)
        {
            return refused;
        }

        var endedOn = EndedOn.Parse(ModelState, nameof(EndedOn), "the date the pupil returned to full time");
        if (endedOn is DateOnly ended)
        {
            foreach (var (field, message) in Rules.ValidateEnd(ended, Timetable.StartDate, Access.Today))
            {
                ModelState.AddModelError(field, message);
            }
        }

        var note = string.IsNullOrWhiteSpace(EndNote) ? null : EndNote.Trim();
        if (note is { Length: > Rules.MaxTextLength })
        {
            ModelState.AddModelError(nameof(EndNote), "Notes must be 4,000 characters or fewer");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var timetable = await Db.ReducedTimetables.SingleAsync(t => t.Id == timetableId);
        timetable.EndedOn = endedOn;
        timetable.EndNote = note;
        timetable.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        auditor.Record(AuditActions.ReducedTimetableChanged, id, $"Reduced timetable {timetableId} ended: back to full time on {endedOn:yyyy-MM-dd}");
        await Db.SaveChangesAsync();
        await ReducedTimetableAlerts.RecomputeAsync(Db, Access.Today, [id]);
        Flash("Return to full time recorded");
        return Redirect(TimetablePath(timetableId));
    }
}
