using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>One reduced timetable: its terms, the parent's agreement, the plan back, reviews and today's alerts.</summary>
public sealed class TimetableModel(WaymarkDbContext db, ReducedTimetableGate gate) : ReducedTimetablePageModel(db, gate)
{
    public IReadOnlyList<ReducedTimetableFinding> Alerts { get; private set; } = [];

    public IReadOnlyList<ReducedTimetableReview> Reviews => Timetable.Reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).ToList();

    public DateOnly ReviewDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int timetableId)
    {
        if (await OpenTimetableAsync(id, timetableId, $"timetable {timetableId}") is IActionResult refused)
        {
            return refused;
        }

        var state = Timetable.ToState(Access.HasSocialWorker);
        Alerts = ReducedTimetableChecks.Check(state, Access.Today);
        ReviewDue = ReducedTimetableChecks.ReviewDue(state);
        return Page();
    }
}
