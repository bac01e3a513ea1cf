using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using DomainSharing = Waymark.Domain.Transitions.Sharing;

// Not "...Transitions.Sharing": a namespace of that name would hide the domain's Sharing class.
namespace Waymark.Web.Features.Transitions.Shares;

/// <summary>
/// Consent to share a child's transition information with the receiving school: record it,
/// withdraw it, and see the child's sharing ledger (every consent and every share).
/// </summary>
public sealed class ConsentModel(WaymarkDbContext db, TransitionGate gate, TransitionSharing sharing, Auditor auditor,
    CurrentUser currentUser, TimeProvider clock) : TransitionPageModel(gate)
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 1000;

    [BindProperty]
    public string? GivenByName { get; set; }

    [BindProperty]
    public string? GivenBy { get; set; }

    [BindProperty]
    public DateInput GivenOn { get; set; } = new();

    [BindProperty]
    public bool PurposeExplained { get; set; }

    /// <summary>The consent the user saw in force, so a withdrawal never lands on a different one.</summary>
    [BindProperty]
    public int? ConsentId { get; set; }

    [BindProperty]
    public DateInput WithdrawnOn { get; set; } = new();

    [BindProperty]
    public string? WithdrawnNote { get; set; }

    public Consent? InForce { get; private set; }

    public IReadOnlyList<Consent> Consents { get; private set; } = [];

    public IReadOnlyList<InformationShare> Shares { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public string? WhyNotShared { get; private set; }

    public IReadOnlyList<ChoiceOption> GiverOptions => ConsentGiverOptions.For(GivenBy);

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A moment as people in England read it, e.g. "3 March 2026 at 2:15pm".</summary>
    public static string When(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        return $"{local:d MMMM yyyy} at {local.ToString("h:mmtt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant()}";
    }

    public string UserName(string? id) => id is not null && UserNames.TryGetValue(id, out var name) ? name : "Unknown user";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "consent", r => r.SeePlanning) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync();
        ConsentId = InForce?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id)
    {
        if (await OpenAsync(id, "record consent", r => r.RecordConsent) is IActionResult refused)
        {
            return refused;
        }

        var childId = View.Transition.ChildId;
        var name = GivenByName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(GivenByName), "Enter the name of the person who gave consent");
        }
        else if (name.Length > MaxNameLength)
        {
            ModelState.AddModelError(nameof(GivenByName), $"The name must be {MaxNameLength} characters or fewer");
        }

        ConsentGiver? giver = Enum.TryParse<ConsentGiver>(GivenBy, out var g) && Enum.IsDefined(g) ? g : null;
        if (giver is null)
        {
            ModelState.AddModelError(nameof(GivenBy), "Select who gave consent");
        }

        var givenOn = GivenOn.Parse(ModelState, nameof(GivenOn), "the date consent was given");
        if (givenOn is DateOnly date && PlanDates.NotInFuture(date, View.Today, "The date consent was given") is string future)
        {
            ModelState.AddModelError(nameof(GivenOn), future);
        }

        if (!PurposeExplained)
        {
            ModelState.AddModelError(nameof(PurposeExplained), "Confirm that the purpose of sharing was explained");
        }

        if (await sharing.ConsentInForceAsync(childId) is not null)
        {
            ModelState.AddModelError("", "Consent is already recorded. Withdraw it before recording a new one.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Consents.Add(new Consent
        {
            ChildId = childId,
            Purpose = DomainSharing.TransitionPurpose,
            DataCovered = DomainSharing.TransitionWhat,
            GivenByName = name!,
            GivenBy = giver!.Value,
            GivenOn = givenOn!.Value,
            RecordedByUserId = currentUser.Id,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        auditor.Record(AuditActions.ConsentRecorded, childId,
            $"Consent to share given by {name} ({DomainSharing.DisplayName(giver.Value)}) on {givenOn:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        await sharing.SyncAsync(View.Transition);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        Flash(await SharedNowAsync(id) ? "Consent recorded. The secondary school can now see the Transition Passport" : "Consent recorded");
        return Redirect($"/transition/{id}/consent");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (await OpenAsync(id, "withdraw consent", r => r.RecordConsent) is IActionResult refused)
        {
            return refused;
        }

        var childId = View.Transition.ChildId;
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == ConsentId && c.ChildId == childId && c.Purpose == DomainSharing.TransitionPurpose);
        if (consent is null || !consent.InForce)
        {
            ModelState.AddModelError("", "This consent has already been withdrawn. Check the consent history below.");
            await LoadAsync();
            return Page();
        }

        var withdrawnOn = WithdrawnOn.Parse(ModelState, nameof(WithdrawnOn), "the date consent was withdrawn");
        if (withdrawnOn is DateOnly date)
        {
            var problem = PlanDates.NotInFuture(date, View.Today, "The date consent was withdrawn")
                ?? (date < consent.GivenOn
                    ? $"The date consent was withdrawn must be the same as or after the date it was given ({consent.GivenOn:d MMMM yyyy})"
                    : null);
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(WithdrawnOn), problem);
            }
        }

        var note = WithdrawnNote?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError(nameof(WithdrawnNote), "Enter who withdrew consent and why");
        }
        else if (note.Length > MaxNoteLength)
        {
            ModelState.AddModelError(nameof(WithdrawnNote), $"The note must be {MaxNoteLength:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        consent.WithdrawnOn = withdrawnOn;
        consent.WithdrawnNote = note;
        consent.WithdrawalRecordedByUserId = currentUser.Id;
        auditor.Record(AuditActions.ConsentWithdrawn, childId, $"Consent given by {consent.GivenByName} withdrawn on {withdrawnOn:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        await sharing.SyncAsync(View.Transition);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        Flash("Consent withdrawn. The secondary school can no longer see the Transition Passport");
        return Redirect($"/transition/{id}/consent");
    }

    private Task<bool> SharedNowAsync(Guid id) =>
        db.InformationShares.AnyAsync(s => s.TransitionId == id && s.EndedAtUtc == null);

    private async Task LoadAsync()
    {
        var t = View.Transition;
        Consents = await db.Consents.AsNoTracking()
            .Where(c => c.ChildId == t.ChildId && c.Purpose == DomainSharing.TransitionPurpose)
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id).ToListAsync();
        InForce = Consents.FirstOrDefault(c => c.InForce);
        Shares = await db.InformationShares.AsNoTracking().Include(s => s.RecipientSchool)
            .Where(s => s.TransitionId == t.Id).OrderByDescending(s => s.SharedAtUtc).ThenByDescending(s => s.Id).ToListAsync();
        var ids = Consents.SelectMany(c => new[] { c.RecordedByUserId, c.WithdrawalRecordedByUserId })
            .Concat(Shares.SelectMany(s => new[] { s.SharedByUserId, s.AcknowledgedByUserId }))
            .OfType<string>().Distinct().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        WhyNotShared = DomainSharing.WhyNotShareable(t.Decision, t.DestinationSchoolId is not null, t.DestinationStatus, InForce is not null);
    }
}
