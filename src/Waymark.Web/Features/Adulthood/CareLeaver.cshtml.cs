using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Adulthood;

/// <summary>
/// A care leaver's personal adviser, education, employment or training status and pathway plan reviews, with the next
/// review due six months after the last (<see cref="CareLeavers"/>). Social care's business: schools are refused.
/// </summary>
public sealed class CareLeaverModel(WaymarkDbContext db, AdulthoodGate gate, TimeProvider clock) : YoungPersonPageModel(gate)
{
    public CareLeaverDetails? Details { get; private set; }

    public IReadOnlyList<PathwayPlanReview> Reviews { get; private set; } = [];

    public DateOnly? NextReviewDue { get; private set; }

    public bool ReviewOverdue { get; private set; }

    public bool CanChange { get; private set; }

    [BindProperty]
    public string? PersonalAdviser { get; set; }

    [BindProperty]
    public string? EetStatus { get; set; }

    [BindProperty]
    public DateInput EetStatusOn { get; set; } = new();

    [BindProperty]
    public DateInput PathwayPlanStartedOn { get; set; } = new();

    [BindProperty]
    public DateInput ReviewedOn { get; set; } = new();

    [BindProperty]
    public string? ReviewNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "care leaver details", AdulthoodAccess.CanViewCareLeaver) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync(id);
        PersonalAdviser = Details?.PersonalAdviser;
        EetStatus = (Details?.EetStatus ?? Domain.Adulthood.EetStatus.Unknown).ToString();
        EetStatusOn = DateInput.From(Details?.EetStatusOn);
        PathwayPlanStartedOn = DateInput.From(Details?.PathwayPlanStartedOn);
        await Gate.RecordNowAsync(AuditActions.PfaViewed, id, "care leaver details");
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(Guid id)
    {
        if (await OpenAsync(id, "care leaver details change", AdulthoodAccess.CanChangeCareLeaver) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync(id);
        ModelState.Remove(nameof(ReviewedOn));
        var adviser = Clean(PersonalAdviser);
        if (adviser is { Length: > CareLeavers.MaxAdviserLength })
        {
            ModelState.AddModelError(nameof(PersonalAdviser), $"The personal adviser's name must be {CareLeavers.MaxAdviserLength} characters or fewer");
        }

        var eet = Enum.TryParse<EetStatus>(EetStatus, out var e) && Enum.IsDefined(e) ? e : (EetStatus?)null;
        if (eet is null)
        {
            ModelState.AddModelError(nameof(EetStatus), "Select the young person's education, employment or training status");
        }

        var eetOn = EetStatusOn.Parse(ModelState, nameof(EetStatusOn), "the date of the status", required: false);
        if (eetOn > Person.Today)
        {
            ModelState.AddModelError(nameof(EetStatusOn), "The date of the status must be today or in the past");
        }

        var started = PathwayPlanStartedOn.Parse(ModelState, nameof(PathwayPlanStartedOn), "the date the pathway plan started", required: false);
        if (started is DateOnly s && CareLeavers.ReviewDateProblem(s, Child.DateOfBirth, Person.Today) is string problem)
        {
            ModelState.AddModelError(nameof(PathwayPlanStartedOn), problem.Replace("The review date", "The pathway plan's start", StringComparison.Ordinal));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = await db.CareLeaverDetails.SingleOrDefaultAsync(d => d.ChildId == id);
        if (details is null)
        {
            details = new CareLeaverDetails { ChildId = id, UpdatedByUserId = Gate.UserId };
            db.CareLeaverDetails.Add(details);
        }

        details.PersonalAdviser = adviser;
        details.EetStatus = eet!.Value;
        details.EetStatusOn = eetOn;
        details.PathwayPlanStartedOn = started;
        details.UpdatedByUserId = Gate.UserId;
        details.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        Gate.Record(AuditActions.PfaChanged, id, $"care leaver details: EET status {details.EetStatus}");
        await db.SaveChangesAsync();
        Flash("Care leaver details saved");
        return Redirect($"{ChecklistPath}/care-leaver");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        if (await OpenAsync(id, "pathway plan review", AdulthoodAccess.CanChangeCareLeaver) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync(id);
        foreach (var key in new[] { nameof(EetStatusOn), nameof(PathwayPlanStartedOn) })
        {
            ModelState.Remove(key);
        }

        var reviewed = ReviewedOn.Parse(ModelState, nameof(ReviewedOn), "the date of the review");
        if (reviewed is DateOnly r && CareLeavers.ReviewDateProblem(r, Child.DateOfBirth, Person.Today) is string problem)
        {
            ModelState.AddModelError(nameof(ReviewedOn), problem);
        }

        var note = Clean(ReviewNote);
        if (note is { Length: > PfaChecklist.MaxNoteLength })
        {
            ModelState.AddModelError(nameof(ReviewNote), $"The note must be {PfaChecklist.MaxNoteLength:N0} characters or fewer");
        }

        if (reviewed is DateOnly day && Reviews.Any(x => x.ReviewedOn == day))
        {
            ModelState.AddModelError(nameof(ReviewedOn), $"A review on {day:d MMMM yyyy} is already recorded");
        }

        if (!ModelState.IsValid)
        {
            PersonalAdviser = Details?.PersonalAdviser;
            EetStatus = (Details?.EetStatus ?? Domain.Adulthood.EetStatus.Unknown).ToString();
            return Page();
        }

        db.PathwayPlanReviews.Add(new PathwayPlanReview
        {
            ChildId = id, ReviewedOn = reviewed!.Value, Note = note, RecordedByUserId = Gate.UserId, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        Gate.Record(AuditActions.PfaChanged, id, $"pathway plan review of {reviewed:yyyy-MM-dd} recorded");
        await db.SaveChangesAsync();
        Flash("Pathway plan review recorded");
        return Redirect($"{ChecklistPath}/care-leaver#reviews");
    }

    private async Task LoadAsync(Guid id)
    {
        CanChange = AdulthoodAccess.CanChangeCareLeaver(Gate.Role);
        Details = await db.CareLeaverDetails.AsNoTracking().SingleOrDefaultAsync(d => d.ChildId == id);
        Reviews = await db.PathwayPlanReviews.AsNoTracking().Where(r => r.ChildId == id).OrderByDescending(r => r.ReviewedOn).ToListAsync();
        NextReviewDue = CareLeavers.NextReviewDue(Reviews.Count > 0 ? Reviews[0].ReviewedOn : null, Details?.PathwayPlanStartedOn);
        ReviewOverdue = NextReviewDue is DateOnly due && CareLeavers.IsReviewOverdue(due, Person.Today);
    }

    public IReadOnlyList<ChoiceOption> EetOptions => Enum.GetValues<EetStatus>()
        .Select(s => new ChoiceOption(s.ToString(), PfaItems.DisplayName(s), string.Equals(EetStatus, s.ToString(), StringComparison.Ordinal)))
        .ToList();
}
