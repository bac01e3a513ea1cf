using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

using Waymark.Web.Features.Children;

namespace Waymark.Web.Features.Attendance.Suspensions;

/// <summary>
/// One suspension or exclusion, and what followed: alternative provision (the suspending school's to record,
/// or an LA officer's, as the LA arranges it after a permanent exclusion) and the reintegration meeting (the school's).
/// </summary>
public sealed class DetailsModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SuspensionPageModel(db, gate, currentUser, auditor, clock)
{
    public Suspension Suspension { get; private set; } = null!;

    public bool CanRecordProvision { get; private set; }

    public bool CanRecordReintegration { get; private set; }

    [BindProperty]
    public DateInput ProvisionFrom { get; set; } = new();

    [BindProperty]
    public string? ProvisionBy { get; set; }

    [BindProperty]
    public DateInput MeetingOn { get; set; } = new();

    [BindProperty]
    public string? MeetingNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, long suspensionId)
    {
        if (await OpenSuspensionAsync(id, suspensionId, "view") is IActionResult refused)
        {
            return refused;
        }

        ProvisionFrom = DateInput.From(Suspension.AlternativeProvisionFrom);
        ProvisionBy = Suspension.AlternativeProvisionBy;
        MeetingOn = DateInput.From(Suspension.ReintegrationMeetingOn);
        MeetingNote = Suspension.ReintegrationNote;
        return Page();
    }

    public async Task<IActionResult> OnPostProvisionAsync(Guid id, long suspensionId)
    {
        if (await OpenSuspensionAsync(id, suspensionId, "alternative provision") is IActionResult refused)
        {
            return refused;
        }

        if (!CanRecordProvision)
        {
            return await RefuseAsync("alternative provision");
        }

        var from = ProvisionFrom.Parse(ModelState, nameof(ProvisionFrom), "the date alternative provision starts", required: false);
        ProvisionBy = Trimmed(ProvisionBy, nameof(ProvisionBy), "Who provides it", 200);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        AddProblems(SuspensionRules.ValidateFollowUp(Suspension.Kind, Suspension.StartDate, from, ProvisionBy, null, null));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await Db.Suspensions.SingleAsync(s => s.Id == suspensionId);
        tracked.AlternativeProvisionFrom = from;
        tracked.AlternativeProvisionBy = ProvisionBy;
        return await SaveAsync(tracked, from is null ? "alternative provision removed" : $"alternative provision from {from:yyyy-MM-dd} by {ProvisionBy}",
            "Alternative provision saved");
    }

    public async Task<IActionResult> OnPostReintegrationAsync(Guid id, long suspensionId)
    {
        if (await OpenSuspensionAsync(id, suspensionId, "reintegration meeting") is IActionResult refused)
        {
            return refused;
        }

        if (!CanRecordReintegration)
        {
            return await RefuseAsync("reintegration meeting");
        }

        var meeting = MeetingOn.Parse(ModelState, nameof(MeetingOn), "the date of the reintegration meeting", required: false);
        MeetingNote = Trimmed(MeetingNote, nameof(MeetingNote), "Notes of the meeting", 2000);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        AddProblems(SuspensionRules.ValidateFollowUp(Suspension.Kind, Suspension.StartDate, null, null, meeting, MeetingNote));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await Db.Suspensions.SingleAsync(s => s.Id == suspensionId);
        tracked.ReintegrationMeetingOn = meeting;
        tracked.ReintegrationNote = MeetingNote;
        return await SaveAsync(tracked, meeting is null ? "reintegration meeting removed" : $"reintegration meeting on {meeting:yyyy-MM-dd}",
            "Reintegration meeting saved");
    }

    private async Task<IActionResult> SaveAsync(Suspension tracked, string detail, string flash)
    {
        tracked.UpdatedByUserId = CurrentUser.Id;
        tracked.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        await using var transaction = await Db.Database.BeginTransactionAsync();
        await Db.SaveChangesAsync();
        await SuspensionAlerts.RaiseAsync(Db, tracked.ChildId, TodayDate);
        Auditor.Record(AuditActions.SuspensionChanged, tracked.ChildId, $"suspension {tracked.Id}: {detail}");
        await Db.SaveChangesAsync();
        await transaction.CommitAsync();
        Flash(flash);
        return Redirect($"/children/{tracked.ChildId}/suspensions/{tracked.Id}");
    }

    private void AddProblems(IEnumerable<(string Field, string Message)> problems)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }
    }

    private string? Trimmed(string? text, string key, string label, int max)
    {
        var trimmed = text?.Trim();
        if (trimmed is not null && trimmed.Length > max)
        {
            ModelState.AddModelError(key, $"{label} must be {max:N0} characters or fewer");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private async Task<IActionResult?> OpenSuspensionAsync(Guid id, long suspensionId, string page)
    {
        if (await OpenChildAsync(id, $"{page} {suspensionId}") is IActionResult refused)
        {
            return refused;
        }

        var suspension = await Db.Suspensions.AsNoTracking().Include(s => s.School).Include(s => s.RecordedBy)
            .SingleOrDefaultAsync(s => s.Id == suspensionId && s.ChildId == id);
        if (suspension is null)
        {
            return NotFound();
        }

        Suspension = suspension;
        var atTheSchool = CurrentUser.SchoolId == suspension.SchoolId && SuspensionAccess.CanRecord(CurrentUser.Role);
        CanRecordProvision = atTheSchool || (SuspensionAccess.CanRecordProvision(CurrentUser.Role) && Roles.ScopeOf(CurrentUser.Role) == DataScope.LocalAuthority);
        CanRecordReintegration = atTheSchool && suspension.Kind == ExclusionKind.Suspension;
        return null;
    }
}
