using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.Suspensions;

/// <summary>
/// Records a suspension or permanent exclusion at the user's school. The social worker and virtual
/// school are told at once, and the worklist entries are raised, in the same transaction.
/// </summary>
public sealed class NewModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SuspensionPageModel(db, gate, currentUser, auditor, clock)
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public DateInput StartDate { get; set; } = new();

    [BindProperty]
    public string? FirstSession { get; set; }

    [BindProperty]
    public string? Length { get; set; }

    [BindProperty]
    public string? Reason1 { get; set; }

    [BindProperty]
    public string? Reason2 { get; set; }

    [BindProperty]
    public string? Reason3 { get; set; }

    public IReadOnlyList<ChoiceOption> KindOptions =>
    [
        new(nameof(ExclusionKind.Suspension), "Suspension", Kind == nameof(ExclusionKind.Suspension), "For a number of school days or half days"),
        new(nameof(ExclusionKind.PermanentExclusion), "Permanent exclusion", Kind == nameof(ExclusionKind.PermanentExclusion), "The child will not return to this school"),
    ];

    public IReadOnlyList<ChoiceOption> SessionOptions =>
    [
        new(nameof(Session.AM), "Morning", FirstSession == nameof(Session.AM)),
        new(nameof(Session.PM), "Afternoon", FirstSession == nameof(Session.PM)),
    ];

    public IReadOnlyList<SelectOption> ReasonOptions(string? selected, string empty) =>
        [new("", empty, string.IsNullOrEmpty(selected)), .. ExclusionReasons.All.Select(r => new SelectOption(r.Code, $"{r.Description} ({r.Code})", r.Code == selected))];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenChildAsync(id, "new", write: true) is IActionResult refused)
        {
            return refused;
        }

        FirstSession = nameof(Session.AM);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenChildAsync(id, "record", write: true) is IActionResult refused)
        {
            return refused;
        }

        ExclusionKind? kind = Enum.TryParse<ExclusionKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select whether this is a suspension or a permanent exclusion");
        }

        var start = StartDate.Parse(ModelState, nameof(StartDate), "the first day of the suspension or exclusion");
        Session? first = Enum.TryParse<Session>(FirstSession, out var f) && Enum.IsDefined(f) ? f : null;
        if (first is null)
        {
            ModelState.AddModelError(nameof(FirstSession), "Select whether it starts in the morning or the afternoon");
        }

        int? sessions = null;
        if (kind == ExclusionKind.Suspension)
        {
            sessions = SuspensionRules.ParseDays(Length, out var lengthError);
            if (lengthError is not null)
            {
                ModelState.AddModelError(nameof(Length), lengthError);
            }
        }
        else if (kind == ExclusionKind.PermanentExclusion && !string.IsNullOrWhiteSpace(Length))
        {
            ModelState.AddModelError(nameof(Length), "Leave the length blank for a permanent exclusion: it has no end date");
        }

        var reasons = new[] { Reason1, Reason2, Reason3 }.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim().ToUpperInvariant()).ToList();
        if (start is DateOnly startDate)
        {
            foreach (var (field, message) in SuspensionRules.Validate(startDate, reasons, TodayDate))
            {
                ModelState.AddModelError(field == "Reasons" ? nameof(Reason1) : field, message);
            }
        }
        else if (ExclusionReasons.Problem(reasons) is string reasonProblem)
        {
            ModelState.AddModelError(nameof(Reason1), reasonProblem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var suspension = new Suspension
        {
            ChildId = id, SchoolId = CurrentUser.SchoolId!.Value, Kind = kind!.Value, StartDate = start!.Value, FirstSession = first!.Value,
            Sessions = sessions, Reason1 = reasons[0], Reason2 = reasons.ElementAtOrDefault(1), Reason3 = reasons.ElementAtOrDefault(2),
            RecordedByUserId = CurrentUser.Id, RecordedAtUtc = now,
        };

        // The suspension, its audit line, the alerts and the notifications are saved together or not at all.
        await using var transaction = await Db.Database.BeginTransactionAsync();
        Db.Suspensions.Add(suspension);
        await Db.SaveChangesAsync();
        var told = await SuspensionAlerts.NotifyRecordedAsync(Db, suspension, TodayDate, now, CurrentUser.Id);
        await SuspensionAlerts.RaiseAsync(Db, id, TodayDate);
        Auditor.Record(AuditActions.SuspensionRecorded, id,
            $"{(suspension.Kind == ExclusionKind.PermanentExclusion ? "permanent exclusion" : "suspension of " + SuspensionRules.Days(sessions!.Value))} from {suspension.StartDate:yyyy-MM-dd} ({string.Join(", ", reasons)}); notified {told.Count}");
        await Db.SaveChangesAsync();
        await transaction.CommitAsync();

        var what = suspension.Kind == ExclusionKind.PermanentExclusion ? "Permanent exclusion" : "Suspension";
        Flash(told.Count == 0 ? $"{what} recorded" : $"{what} recorded. {ChildName}’s social worker or virtual school has been told");
        return Redirect($"/children/{id}/suspensions/{suspension.Id}");
    }
}
