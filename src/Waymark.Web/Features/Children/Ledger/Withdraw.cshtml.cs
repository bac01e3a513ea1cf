using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Governance;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using Waymark.Web.Features.Transitions;
using DomainSharing = Waymark.Domain.Transitions.Sharing;

namespace Waymark.Web.Features.Children.Ledger;

/// <summary>
/// Records that a consent was withdrawn. Shares through Waymark that rest on it end at once (a transition's share with
/// the secondary school); information already given outside Waymark stays in the ledger as given.
/// </summary>
public sealed class WithdrawModel(WaymarkDbContext db, ChildGate gate, TransitionSharing sharing, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
    : LedgerPageModel(db, gate, clock)
{
    [BindProperty]
    public DateInput WithdrawnOn { get; set; } = new();

    [BindProperty]
    public string? WithdrawnNote { get; set; }

    public Consent Consent { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int consentId) => await LoadAsync(id, consentId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, int consentId)
    {
        if (await LoadAsync(id, consentId) is IActionResult refused)
        {
            return refused;
        }

        var withdrawnOn = WithdrawnOn.Parse(ModelState, nameof(WithdrawnOn), "the date consent was withdrawn");
        if (withdrawnOn is DateOnly date)
        {
            Check(nameof(WithdrawnOn), SharingRules.DateProblem(date, TodayDate, "The date consent was withdrawn", Consent.GivenOn, "the date it was given"));
        }

        WithdrawnNote = WithdrawnNote?.Trim();
        Check(nameof(WithdrawnNote), SharingRules.TextProblem(WithdrawnNote, "who withdrew consent and why", SharingRules.MaxLongTextLength));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await Db.Database.BeginTransactionAsync();
        Consent.WithdrawnOn = withdrawnOn;
        Consent.WithdrawnNote = WithdrawnNote;
        Consent.WithdrawalRecordedByUserId = currentUser.Id;
        auditor.Record(AuditActions.ConsentWithdrawn, id, $"Consent for \"{Consent.Purpose}\" given by {Consent.GivenByName} withdrawn on {withdrawnOn:yyyy-MM-dd}");
        await Db.SaveChangesAsync();
        if (Consent.Purpose == DomainSharing.TransitionPurpose)
        {
            foreach (var transition in await Db.Transitions.Where(t => t.ChildId == id).ToListAsync())
            {
                await sharing.SyncAsync(transition);
            }

            await Db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        Flash("Consent withdrawn");
        return Redirect(Ledger(id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int consentId)
    {
        if (await OpenAsync(id, "withdraw consent") is IActionResult refused)
        {
            return refused;
        }

        // Another child's consent id, or one already withdrawn, is simply not here.
        var consent = await Db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.ChildId == id && c.WithdrawnOn == null);
        if (consent is null)
        {
            return NotFound();
        }

        Consent = consent;
        return null;
    }
}
