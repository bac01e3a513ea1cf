using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Governance;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using DomainSharing = Waymark.Domain.Transitions.Sharing;

namespace Waymark.Web.Features.Children.Ledger;

/// <summary>
/// Records information about the child given outside Waymark (a phone call to the police, a referral form to health):
/// what, to whom, when, and on what basis, the consent it rested on or, without consent, the risk of harm or the
/// statutory duty and why. It grants nobody access in Waymark.
/// </summary>
public sealed class ShareModel(WaymarkDbContext db, ChildGate gate, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
    : LedgerPageModel(db, gate, clock)
{
    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Recipient { get; set; }

    [BindProperty]
    public DateInput SharedOn { get; set; } = new();

    [BindProperty]
    public string? Basis { get; set; }

    [BindProperty]
    public string? ConsentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<Consent> ConsentsInForce { get; private set; } = [];

    public IReadOnlyList<ChoiceOption> BasisOptions => Enum.GetValues<ShareBasis>()
        .Select(b => new ChoiceOption(b.ToString(), DomainSharing.DisplayName(b), string.Equals(Basis, b.ToString(), StringComparison.Ordinal), b switch
        {
            ShareBasis.Consent => "Choose the consent below",
            ShareBasis.RiskOfHarm => "Sharing was necessary to protect the child or others from harm; say what the risk was",
            _ => "A law required it (for example a court order or a section 47 enquiry); say which",
        }))
        .ToList();

    public IReadOnlyList<SelectOption> ConsentOptions =>
        [new SelectOption("", "Choose a consent", string.IsNullOrEmpty(ConsentId)),
         .. ConsentsInForce.Select(c => new SelectOption(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
             $"{c.Purpose} (given by {c.GivenByName} on {c.GivenOn:d MMMM yyyy})", ConsentId == c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is IActionResult refused)
        {
            return refused;
        }

        What = What?.Trim();
        Recipient = Recipient?.Trim();
        Reason = Reason?.Trim();
        Check(nameof(What), SharingRules.TextProblem(What, "what was shared", 300));
        Check(nameof(Recipient), SharingRules.TextProblem(Recipient, "who it was shared with"));
        var sharedOn = SharedOn.Parse(ModelState, nameof(SharedOn), "the date it was shared");
        if (sharedOn is DateOnly date)
        {
            Check(nameof(SharedOn), SharingRules.DateProblem(date, TodayDate, "The date it was shared"));
        }

        ShareBasis? basis = Enum.TryParse<ShareBasis>(Basis, out var b) && Enum.IsDefined(b) ? b : null;
        var consent = basis == ShareBasis.Consent && int.TryParse(ConsentId, out var consentId) ? ConsentsInForce.SingleOrDefault(c => c.Id == consentId) : null;
        var basisProblem = SharingRules.BasisProblem(basis, consent is not null);
        Check(basis == ShareBasis.Consent && basisProblem is not null ? nameof(ConsentId) : nameof(Basis), basisProblem);
        if (consent is not null && sharedOn is DateOnly on && on < consent.GivenOn)
        {
            ModelState.AddModelError(nameof(ConsentId), $"That consent was given on {consent.GivenOn:d MMMM yyyy}, after the date it was shared");
        }

        Check(nameof(Reason), SharingRules.ReasonProblem(basis, Reason));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Db.InformationShares.Add(new InformationShare
        {
            ChildId = id, What = What!, RecipientOrganisation = Recipient, SharedOn = sharedOn, Basis = basis!.Value, ConsentId = consent?.Id,
            Reason = string.IsNullOrEmpty(Reason) ? consent?.Purpose : Reason, SharedByUserId = currentUser.Id, SharedAtUtc = DateTime.UtcNow,
        });
        auditor.Record(AuditActions.ShareRecorded, id, $"{What} with {Recipient} on {sharedOn:yyyy-MM-dd}: {DomainSharing.DisplayName(basis.Value)}",
            reason: basis == ShareBasis.Consent ? null : Reason);
        await Db.SaveChangesAsync();
        Flash("Information shared recorded");
        return Redirect(Ledger(id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await OpenAsync(id, "record information shared") is IActionResult refused)
        {
            return refused;
        }

        ConsentsInForce = await Db.Consents.AsNoTracking().Where(c => c.ChildId == id && c.WithdrawnOn == null)
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id).ToListAsync();
        return null;
    }
}
