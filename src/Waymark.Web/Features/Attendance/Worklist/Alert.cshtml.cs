using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Attendance.Worklist;

/// <summary>One worklist entry: what was found, who must act, and marking it handled with a note.</summary>
public sealed class AlertModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const int NoteLimit = 2000;

    public AttendanceAlert Alert { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    public bool CanHandle { get; private set; }

    /// <summary>LA staff, and the staff of the school whose registers raised it, may record a school-led plan.</summary>
    public bool CanRecordPlan { get; private set; }

    public IReadOnlyList<AttendanceSupportPlan> Plans { get; private set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(long alertId, CancellationToken ct)
    {
        if (await OpenAsync(alertId, tracking: false, ct) is IActionResult refused)
        {
            return refused;
        }

        await auditor.RecordNowAsync(AuditActions.AttendanceAlertViewed, Alert.ChildId, $"{Alert.Kind} {Alert.Key}", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long alertId, CancellationToken ct)
    {
        if (await OpenAsync(alertId, tracking: true, ct) is IActionResult refused)
        {
            return refused;
        }

        if (!CanHandle)
        {
            return Forbid();
        }

        if (Alert.HandledAtUtc is not null)
        {
            ModelState.AddModelError(nameof(Note), "This entry has already been marked as handled");
            return Page();
        }

        var note = Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError(nameof(Note), "Enter a note of what was done");
        }
        else if (note.Length > NoteLimit)
        {
            ModelState.AddModelError(nameof(Note), $"The note must be {NoteLimit:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Alert.HandledAtUtc = clock.GetUtcNow().UtcDateTime;
        Alert.HandledByUserId = currentUser.Id;
        Alert.HandledNote = note;
        auditor.Record(AuditActions.AttendanceAlertHandled, Alert.ChildId, $"{Alert.Kind} {Alert.Key} handled: {note}");
        await db.SaveChangesAsync(ct);
        Flash($"{AlertHandling.DisplayName(Alert.Kind)} for {ChildName} marked as handled");
        return Redirect("/attendance/worklist");
    }

    private async Task<IActionResult?> OpenAsync(long alertId, bool tracking, CancellationToken ct)
    {
        var today = Today(clock);
        var scope = currentUser.Scope;
        var query = WorklistAlerts.VisibleTo(db, scope, today).Include(a => a.Child).Include(a => a.School).Include(a => a.HandledBy);
        var alert = tracking ? await query.SingleOrDefaultAsync(a => a.Id == alertId, ct)
            : await query.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            // Out of scope looks exactly like not found, but the attempt is on the record.
            var childId = await db.AttendanceAlerts.Where(a => a.Id == alertId).Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
            if (childId is not null)
            {
                await auditor.RecordNowAsync(AuditActions.ChildRefused, childId, $"attendance alert {alertId} outside the user's scope", ct: ct);
            }

            return NotFound();
        }

        Alert = alert;
        ChildName = alert.Child!.KnownAsName;
        CanHandle = AlertHandling.CanHandle(scope.DataScope, alert.Owner);
        CanRecordPlan = alert.SchoolId is not null
            && (scope.DataScope == DataScope.LocalAuthority || (scope.DataScope == DataScope.School && scope.SchoolId == alert.SchoolId));
        Plans = await db.AttendanceSupportPlans.AsNoTracking().Include(p => p.School)
            .Where(p => p.ChildId == alert.ChildId && (p.EndedOn == null || p.EndedOn >= today))
            .OrderByDescending(p => p.StartedOn).ToListAsync(ct);
        return null;
    }
}
