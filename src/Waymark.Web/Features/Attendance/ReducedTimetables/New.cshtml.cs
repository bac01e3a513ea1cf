using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Rules = Waymark.Domain.Attendance.ReducedTimetables;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Attendance.ReducedTimetables;

/// <summary>Records a reduced timetable agreed by the child's school and parent.</summary>
public sealed class NewModel(WaymarkDbContext db, ReducedTimetableGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : ReducedTimetablePageModel(db, gate)
{
    [BindProperty]
    public DateInput StartDate { get; set; } = new();

    [BindProperty]
    public DateInput PlannedEndDate { get; set; } = new();

    [BindProperty]
    public string? HoursPerWeek { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ReasonDetail { get; set; }

    [BindProperty]
    public string? ParentAgreedBy { get; set; }

    [BindProperty]
    public DateInput ParentAgreedOn { get; set; } = new();

    [BindProperty]
    public string? PlanToFullTime { get; set; }

    [BindProperty]
    public string? EarlyHelpConsidered { get; set; }

    [BindProperty]
    public string? EarlyHelpOutcome { get; set; }

    [BindProperty]
    public DateInput SocialWorkerInformedOn { get; set; } = new();

    public IReadOnlyList<ChoiceOption> ReasonOptions => Rules.Offered
        .Select(r => new ChoiceOption(r.ToString(), Rules.Describe(r), Reason == r.ToString(),
            r == ReducedTimetableReason.Other ? "Describe it below" : null))
        .ToList();

    public IReadOnlyList<ChoiceOption> EarlyHelpOptions =>
    [
        new("yes", "Yes", EarlyHelpConsidered == "yes"),
        new("no", "No", EarlyHelpConsidered == "no"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        return await OpenAsync(id, "new", record: true) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "new", record: true) is IActionResult refused)
        {
            return refused;
        }

        if (Read() is not ReducedTimetableDetails details)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var timetable = new ReducedTimetable
        {
            ChildId = id, SchoolId = Access.RecordingSchoolId!.Value, StartDate = details.Start, PlannedEndDate = details.PlannedEnd,
            HoursPerWeek = details.HoursPerWeek, Reason = details.Reason, ReasonDetail = details.ReasonDetail,
            ParentAgreedBy = details.ParentAgreedBy!, ParentAgreedOn = details.ParentAgreedOn!.Value, PlanToFullTime = details.PlanToFullTime,
            EarlyHelpConsidered = details.EarlyHelpConsidered!.Value, EarlyHelpOutcome = details.EarlyHelpConsidered == true ? details.EarlyHelpOutcome : null,
            SocialWorkerInformedOn = details.SocialWorkerInformedOn, CreatedByUserId = currentUser.Id, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        Db.ReducedTimetables.Add(timetable);
        auditor.Record(AuditActions.ReducedTimetableChanged, id,
            $"Reduced timetable recorded: {details.Start:yyyy-MM-dd} to {details.PlannedEnd:yyyy-MM-dd}, {details.HoursPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture)} hours a week");
        await Db.SaveChangesAsync();
        await ReducedTimetableAlerts.RecomputeAsync(Db, Access.Today, [id]);
        Flash("Reduced timetable recorded");
        return Redirect(TimetablePath(timetable.Id));
    }

    /// <summary>Reads the form and checks it against the rules; null (with errors per field) when something needs correcting.</summary>
    private ReducedTimetableDetails? Read()
    {
        var start = StartDate.Parse(ModelState, nameof(StartDate), "the start date");
        var end = PlannedEndDate.Parse(ModelState, nameof(PlannedEndDate), "the planned end date", required: false);
        if (PlannedEndDate.IsEmpty)
        {
            ModelState.AddModelError(nameof(PlannedEndDate), "Enter the planned end date: a reduced timetable must be time-limited");
        }

        var hours = Rules.ParseHours(HoursPerWeek, out var hoursProblem);
        if (hoursProblem is not null)
        {
            ModelState.AddModelError(nameof(HoursPerWeek), hoursProblem);
        }

        // Only the names offered (and the refused behaviour reason, so its refusal is explained), never numbers.
        ReducedTimetableReason? reason = Enum.GetValues<ReducedTimetableReason>().Where(r => r.ToString() == Reason).Select(r => (ReducedTimetableReason?)r).FirstOrDefault();
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), "Select the reason for the reduced timetable");
        }

        var agreedOn = ParentAgreedOn.Parse(ModelState, nameof(ParentAgreedOn), "the date the parent agreed", required: false);
        bool? earlyHelp = EarlyHelpConsidered switch { "yes" => true, "no" => false, _ => null };
        var informedOn = Access.HasSocialWorker
            ? SocialWorkerInformedOn.Parse(ModelState, nameof(SocialWorkerInformedOn), "the date the social worker was informed", required: false)
            : null;

        // The rules run even when a date or number could not be read, so every problem shows at once: what is missing is
        // stood in for by a value no rule objects to, and a field that already has its error gets no second one.
        var details = new ReducedTimetableDetails(start ?? DateOnly.MaxValue.AddDays(-1), end ?? DateOnly.MaxValue, hours ?? 1m,
            reason ?? ReducedTimetableReason.MedicalNeeds, Trim(ReasonDetail), Trim(ParentAgreedBy), agreedOn, Trim(PlanToFullTime), earlyHelp,
            Trim(EarlyHelpOutcome), informedOn);
        foreach (var (field, message) in Rules.Validate(details, Access.Today))
        {
            var standIn = field == nameof(PlannedEndDate) && (start is null || end is null);
            if (!standIn && !(ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0))
            {
                ModelState.AddModelError(field, message);
            }
        }

        return ModelState.ErrorCount > 0 ? null : details;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
