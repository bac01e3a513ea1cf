using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Rules = Waymark.Domain.Attendance.ReducedTimetables;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>Records a review of a running timetable with the pupil and parents, by the school that agreed it.</summary>
public sealed class ReviewModel(WaymarkDbContext db, ReducedTimetableGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : ReducedTimetablePageModel(db, gate)
{
    [BindProperty]
    public DateInput ReviewedOn { get; set; } = new();

    [BindProperty]
    public string? Attendees { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? NewHoursPerWeek { get; set; }

    [BindProperty]
    public DateInput NextReviewOn { get; set; } = new();

    [BindProperty]
    public DateInput SocialWorkerInformedOn { get; set; } = new();

    /// <summary>The plan back to full time, as it stands after the review: it may be written for the first time or changed here.</summary>
    [BindProperty]
    public string? PlanToFullTime { get; set; }

    /// <summary>The social worker's date is asked for here only while it is missing.</summary>
    public bool AskSocialWorkerInformed => Access.HasSocialWorker && Timetable.SocialWorkerInformedOn is null;

    public async Task<IActionResult> OnGetAsync(Guid id, int timetableId)
    {
        if (await OpenTimetableAsync(id, timetableId, $"timetable {timetableId} review", change: true) is IActionResult refused)
        {
            return refused;
        }

        ReviewedOn = DateInput.From(Access.Today);
        PlanToFullTime = Timetable.PlanToFullTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int timetableId)
    {
        if (await OpenTimetableAsync(id, timetableId, $"timetable {timetableId} review", change: true) is IActionResult refused)
        {
            return refused;
        }

        var reviewedOn = ReviewedOn.Parse(ModelState, nameof(ReviewedOn), "the date of the review");
        var next = NextReviewOn.Parse(ModelState, nameof(NextReviewOn), "the date of the next review", required: false);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(NewHoursPerWeek))
        {
            hours = Rules.ParseHours(NewHoursPerWeek, out var problem);
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(NewHoursPerWeek), problem);
            }
        }

        var informedOn = AskSocialWorkerInformed
            ? SocialWorkerInformedOn.Parse(ModelState, nameof(SocialWorkerInformedOn), "the date the social worker was informed", required: false)
            : null;
        if (informedOn > Access.Today)
        {
            ModelState.AddModelError(nameof(SocialWorkerInformedOn), "The date the social worker was informed must be today or in the past");
        }

        var details = new ReducedTimetableReviewDetails(reviewedOn ?? Timetable.StartDate, Trim(Attendees), Trim(Outcome), hours,
            next ?? (NextReviewOn.IsEmpty ? null : DateOnly.MaxValue));
        foreach (var (field, message) in Rules.ValidateReview(details, Timetable.StartDate, Access.Today))
        {
            var standIn = field == nameof(NextReviewOn) && reviewedOn is null;
            if (!standIn && !(ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0))
            {
                ModelState.AddModelError(field, message);
            }
        }

        var plan = Trim(PlanToFullTime);
        if (plan is { Length: > Rules.MaxTextLength })
        {
            ModelState.AddModelError(nameof(PlanToFullTime), $"The plan back to full time must be {Rules.MaxTextLength:N0} characters or fewer");
        }
        else if (plan is null && Timetable.PlanToFullTime is not null)
        {
            ModelState.AddModelError(nameof(PlanToFullTime), "Enter the plan back to full-time education: a plan once agreed can be changed but not removed");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var timetable = await Db.ReducedTimetables.SingleAsync(t => t.Id == timetableId);
        var planChanged = plan is not null && plan != timetable.PlanToFullTime;
        if (planChanged)
        {
            timetable.PlanToFullTime = plan;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Db.ReducedTimetableReviews.Add(new ReducedTimetableReview
        {
            ReducedTimetableId = timetableId, ReviewedOn = details.ReviewedOn, Attendees = details.Attendees!, Outcome = details.Outcome!,
            NewHoursPerWeek = hours, NextReviewOn = details.NextReviewOn, RecordedByUserId = currentUser.Id, RecordedAtUtc = now,
        });
        if (informedOn is not null)
        {
            timetable.SocialWorkerInformedOn = informedOn;
        }

        timetable.UpdatedAtUtc = now;
        auditor.Record(AuditActions.ReducedTimetableChanged, id,
            $"Reduced timetable {timetableId} reviewed on {details.ReviewedOn:yyyy-MM-dd}{(planChanged ? "; plan back to full time " + (Timetable.PlanToFullTime is null ? "added" : "changed") : "")}");
        await Db.SaveChangesAsync();
        await ReducedTimetableAlerts.RecomputeAsync(Db, Access.Today, [id]);
        Flash("Review recorded");
        return Redirect(TimetablePath(timetableId));
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
