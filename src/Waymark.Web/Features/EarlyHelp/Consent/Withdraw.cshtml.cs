using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Features.EarlyHelp.Family;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Consent;

/// <summary>
/// Withdraw a consent. When the last consent to share with those supporting the plan goes, the plan closes at once:
/// nothing more is shared, and the practitioner is asked whether the concern has risen (a MASH contact instead).
/// </summary>
public sealed class WithdrawModel(WaymarkDbContext db, EarlyHelpGate gate) : FamilyPageModel(gate)
{
    private const string PageName = "withdraw consent";

    public const string RisenNote = "Concerns have risen: I will contact MASH";

    [BindProperty]
    public DateInput WithdrawnOn { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool ConcernsRisen { get; set; }

    public EarlyHelpConsent Consent { get; private set; } = null!;

    /// <summary>Withdrawing this consent leaves no consent to share in force, so the plan closes.</summary>
    public bool ClosesPlan { get; private set; }

    public string GiverName => View.Plan.Members.FirstOrDefault(m => m.Id == Consent.GivenByMemberId)?.Name ?? "a family member";

    public async Task<IActionResult> OnGetAsync(Guid id, int consentId) => await OpenConsentAsync(id, consentId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, int consentId)
    {
        if (await OpenConsentAsync(id, consentId) is IActionResult r)
        {
            return r;
        }

        var date = WithdrawnOn.Parse(ModelState, nameof(WithdrawnOn), "the date consent was withdrawn");
        if (date is DateOnly d && d > View.Today)
        {
            ModelState.AddModelError(nameof(WithdrawnOn), "The date consent was withdrawn must be today or in the past");
        }
        else if (date is DateOnly before && before < Consent.GivenOn)
        {
            ModelState.AddModelError(nameof(WithdrawnOn), $"The date consent was withdrawn must be on or after the date it was given, {EarlyHelpText.Date(Consent.GivenOn)}");
        }

        var note = Clean(Note);
        if (ConcernsRisen)
        {
            note = note is null ? RisenNote : $"{RisenNote}. {note}";
        }

        Limit(nameof(Note), note, EarlyHelpLimits.Text, "The note");
        if (!ModelState.IsValid || date is null)
        {
            return Page();
        }

        var plan = View.Plan;
        Consent.WithdrawnOn = date;
        Consent.WithdrawnNote = note;
        var what = $"consent to {EarlyHelpConsentRules.KindName(Consent.Kind).ToLowerInvariant()} given by {GiverName} withdrawn on {EarlyHelpText.Date(date.Value)}";
        if (ClosesPlan)
        {
            plan.Stage = PlanStage.Closed;
            plan.ClosedOn = View.Today;
            plan.ClosureReason = ClosureReason.ConsentWithdrawn;
            plan.ReviewDueOn = null;
            what += "; the plan is closed" + (ConcernsRisen ? "; " + RisenNote : "");
        }

        Gate.RecordChange(plan, what);
        await db.SaveChangesAsync();
        Flash(ClosesPlan
            ? "Consent withdrawn. The plan is closed and no further information will be shared."
            : "Consent withdrawn");
        return Redirect($"{PlanPath}#consent");
    }

    private async Task<IActionResult?> OpenConsentAsync(Guid id, int consentId)
    {
        if (await OpenForChangeAsync(id, PageName, needsConsent: false) is IActionResult r)
        {
            return r;
        }

        if (View.Plan.Consents.FirstOrDefault(c => c.Id == consentId && c.InForce) is not EarlyHelpConsent consent)
        {
            return NotFound();
        }

        Consent = consent;
        ClosesPlan = consent.Kind == EarlyHelpConsentKind.ShareWithSupporters
            && !View.Plan.Consents.Any(c => c.Id != consent.Id && c.Kind == EarlyHelpConsentKind.ShareWithSupporters && c.InForce);
        return null;
    }
}
