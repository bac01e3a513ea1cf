using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.FollowUp;

/// <summary>
/// A Year 7 review: six weeks after the move, and at the end of the first term. A child whose
/// Year 7 attendance is below 90%, or who has been suspended, is flagged to the Transition Lead and the LA.
/// </summary>
public sealed class ReviewModel(WaymarkDbContext db, TransitionGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : TransitionPageModel(gate)
{
    public FollowUpKind Kind { get; private set; }

    public FollowUpReview? Saved { get; private set; }

    [BindProperty]
    public DateInput HeldOn { get; set; } = new();

    [BindProperty]
    public string? SettlingIn { get; set; }

    [BindProperty]
    public string? Year6Attendance { get; set; }

    [BindProperty]
    public string? Year7Attendance { get; set; }

    [BindProperty]
    public string? Suspensions { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public string? NextSteps { get; set; }

    public string? NotYet { get; private set; }

    /// <summary>The attendance figures were filled in from register marks.</summary>
    public bool FromRegisters { get; private set; }

    public IReadOnlyList<ChoiceOption> SettlingOptions =>
        Enum.GetValues<SettlingIn>().Select(r => new ChoiceOption(r.ToString(), FollowUps.DisplayName(r), r.ToString() == SettlingIn)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string kind)
    {
        if (await OpenReviewAsync(id, kind, write: false, tracking: false) is IActionResult refused)
        {
            return refused;
        }

        if (Saved is not null)
        {
            HeldOn = DateInput.From(Saved.HeldOn);
            SettlingIn = Saved.SettlingIn.ToString();
            Year6Attendance = Saved.Year6AttendancePercent?.ToString("0.##", CultureInfo.InvariantCulture);
            Year7Attendance = Saved.Year7AttendancePercent?.ToString("0.##", CultureInfo.InvariantCulture);
            Suspensions = Saved.Suspensions.ToString(CultureInfo.InvariantCulture);
            Notes = Saved.Notes;
            NextSteps = Saved.NextSteps;
        }
        else
        {
            Suspensions = "0";

            // Start from the registers where Waymark has them; the reviewer can still correct the figure.
            var year6 = await ChildAttendance.CountAsync(db, View.Transition.ChildId, View.Transition.Year6.Start, View.Transition.Year6.End);
            var year7 = await ChildAttendance.CountAsync(db, View.Transition.ChildId, View.Transition.MoveDate, View.Today);
            Year6Attendance = year6.AttendanceRate?.ToString("0.##", CultureInfo.InvariantCulture);
            Year7Attendance = year7.AttendanceRate?.ToString("0.##", CultureInfo.InvariantCulture);
            FromRegisters = year6.Possible > 0 || year7.Possible > 0;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string kind)
    {
        if (await OpenReviewAsync(id, kind, write: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        if (NotYet is not null)
        {
            ModelState.AddModelError("", NotYet);
            return Page();
        }

        var heldOn = HeldOn.Parse(ModelState, nameof(HeldOn), "the date of the review");
        if (!Enum.TryParse<SettlingIn>(SettlingIn, out var settling) || !Enum.IsDefined(settling))
        {
            ModelState.AddModelError(nameof(SettlingIn), "Select how well the child has settled in");
        }

        var year6 = Percent(Year6Attendance, nameof(Year6Attendance), "Year 6 attendance");
        var year7 = Percent(Year7Attendance, nameof(Year7Attendance), "Year 7 attendance");
        int suspensions = 0;
        if (string.IsNullOrWhiteSpace(Suspensions))
        {
            ModelState.AddModelError(nameof(Suspensions), "Enter the number of suspensions in Year 7, or 0");
        }
        else if (!int.TryParse(Suspensions.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out suspensions))
        {
            ModelState.AddModelError(nameof(Suspensions), "Suspensions must be a whole number, like 0 or 2");
        }

        Notes = Limit(Notes, nameof(Notes), "Notes");
        NextSteps = Limit(NextSteps, nameof(NextSteps), "Next steps");
        if (heldOn is DateOnly date)
        {
            foreach (var (field, message) in FollowUps.Validate(date, View.Transition.MoveDate, View.Today, year6, year7, suspensions))
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var flags = FollowUps.Flags(year7, suspensions);
        var review = Saved ?? db.FollowUpReviews.Add(new FollowUpReview { TransitionId = id, Kind = Kind, RecordedByUserId = currentUser.Id }).Entity;
        review.HeldOn = heldOn!.Value;
        review.SettlingIn = settling;
        review.Year6AttendancePercent = year6;
        review.Year7AttendancePercent = year7;
        review.Suspensions = suspensions;
        review.Notes = Notes;
        review.NextSteps = NextSteps;
        review.Flags = flags.Count == 0 ? null : string.Join("; ", flags);
        review.RecordedByUserId = currentUser.Id;
        review.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId,
            $"{FollowUps.DisplayName(Kind)} recorded: {FollowUps.DisplayName(settling).ToLowerInvariant()}{(flags.Count == 0 ? "" : "; flagged: " + review.Flags)}");
        await db.SaveChangesAsync();
        Flash(flags.Count == 0
            ? $"{FollowUps.DisplayName(Kind)} recorded"
            : $"{FollowUps.DisplayName(Kind)} recorded. {ChildName} is flagged to the Transition Lead and the LA: {review.Flags}");
        return Redirect($"/transition/{id}#follow-up");
    }

    private decimal? Percent(string? text, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return Math.Round(value, 2, MidpointRounding.AwayFromZero);
        }

        ModelState.AddModelError(key, $"{label} must be a percentage, like 93.5");
        return null;
    }

    private string? Limit(string? text, string key, string label)
    {
        var trimmed = text?.Trim();
        if (trimmed is { Length: > 2000 })
        {
            ModelState.AddModelError(key, $"{label} must be 2,000 characters or fewer");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private async Task<IActionResult?> OpenReviewAsync(Guid id, string kind, bool write, bool tracking)
    {
        if (FollowUps.FromSlug(kind) is not FollowUpKind k)
        {
            return NotFound();
        }

        Kind = k;
        if (await OpenAsync(id, $"follow-up {kind}", r => write ? r.RecordFollowUp : r.SeeFollowUp, tracking) is IActionResult refused)
        {
            return refused;
        }

        var query = db.FollowUpReviews.Where(f => f.TransitionId == id && f.Kind == k);
        Saved = tracking ? await query.SingleOrDefaultAsync() : await query.AsNoTracking().SingleOrDefaultAsync();
        if (!View.HasMoved)
        {
            NotYet = $"The follow-up can only be recorded after {ChildName} moves to secondary school on {View.Transition.MoveDate:d MMMM yyyy}";
        }

        return null;
    }
}
