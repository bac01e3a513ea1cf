using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.Worklist;

/// <summary>
/// Records a school-led attendance support plan for the child of a worklist entry, at the school whose registers
/// raised it. The chronic-absence breakdown counts it as "school-led plan only" unless a Lead Professional leads a plan.
/// </summary>
public sealed class SupportPlanModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public AttendanceAlert Alert { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    [BindProperty]
    public string? LeadName { get; set; }

    [BindProperty]
    public DateInput StartedOn { get; set; } = new();

    [BindProperty]
    public DateInput ReviewOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long alertId, CancellationToken ct)
    {
        if (await OpenAsync(alertId, ct) is IActionResult refused)
        {
            return refused;
        }

        StartedOn = DateInput.From(Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long alertId, CancellationToken ct)
    {
        if (await OpenAsync(alertId, ct) is IActionResult refused)
        {
            return refused;
        }

        var today = Today(clock);
        var lead = LeadName?.Trim();
        if (string.IsNullOrEmpty(lead))
        {
            ModelState.AddModelError(nameof(LeadName), "Enter the name of the person who leads the plan");
        }
        else if (lead.Length > 200)
        {
            ModelState.AddModelError(nameof(LeadName), "The name must be 200 characters or fewer");
        }

        var started = StartedOn.Parse(ModelState, nameof(StartedOn), "the date the plan started");
        var review = ReviewOn.Parse(ModelState, nameof(ReviewOn), "the review date", required: false);
        if (started > today)
        {
            ModelState.AddModelError(nameof(StartedOn), "The date the plan started must be today or in the past");
        }

        if (started is DateOnly s && review is DateOnly r && r < s)
        {
            ModelState.AddModelError(nameof(ReviewOn), "The review date must be on or after the date the plan started");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.AttendanceSupportPlans.Add(new AttendanceSupportPlan
        {
            ChildId = Alert.ChildId, SchoolId = Alert.SchoolId!.Value, LeadName = lead!, StartedOn = started!.Value, ReviewOn = review,
            RecordedByUserId = currentUser.Id, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        auditor.Record(AuditActions.AttendanceSupportPlanRecorded, Alert.ChildId,
            $"school-led attendance support plan at {Alert.School!.Name}, led by {lead}, from {started:yyyy-MM-dd}{(review is null ? "" : $", review {review:yyyy-MM-dd}")}");
        await db.SaveChangesAsync(ct);
        Flash($"Attendance support plan recorded for {ChildName}");
        return Redirect($"/attendance/worklist/{alertId}");
    }

    private async Task<IActionResult?> OpenAsync(long alertId, CancellationToken ct)
    {
        var scope = currentUser.Scope;
        var alert = await WorklistAlerts.VisibleTo(db, scope, Today(clock)).AsNoTracking().Include(a => a.Child).Include(a => a.School)
            .SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            var childId = await db.AttendanceAlerts.Where(a => a.Id == alertId).Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
            if (childId is not null)
            {
                await auditor.RecordNowAsync(AuditActions.ChildRefused, childId, $"attendance alert {alertId} outside the user's scope", ct: ct);
            }

            return NotFound();
        }

        var mayRecord = alert.SchoolId is not null
            && (scope.DataScope == DataScope.LocalAuthority || (scope.DataScope == DataScope.School && scope.SchoolId == alert.SchoolId));
        if (!mayRecord)
        {
            return Forbid();
        }

        Alert = alert;
        ChildName = alert.Child!.KnownAsName;
        return null;
    }
}
