using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Tier;

/// <summary>
/// The tier of need: Tier 2 is met by this plan; Tier 3 sends the inter-agency contact form to MASH, and the plan waits
/// for MASH's answer — the family stepped up (this plan ends) or the Tier 2 co-ordinator confirms the plan goes on.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate) : PlanPageModel(gate)
{
    private const string PageName = "tier of need";

    [BindProperty]
    public string? Tier { get; set; }

    [BindProperty]
    public DateInput ContactOn { get; set; } = new();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public DateInput OutcomeOn { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    public string? CannotChange { get; private set; }

    /// <summary>The contact form went to MASH and the answer is awaited: the page asks for the outcome.</summary>
    public bool AwaitingMash => View.Plan.Stage == PlanStage.WithMash;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        CannotChange = WhyNot();
        Tier = View.Plan.Tier?.ToString();
        ContactOn = DateInput.From(View.Plan.MashContactOn);
        return Page();
    }

    /// <summary>Tier 2 or Tier 3 (with the date the contact form went to MASH).</summary>
    public async Task<IActionResult> OnPostTierAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        CannotChange = WhyNot();
        if (CannotChange is not null || AwaitingMash)
        {
            return Page();
        }

        var plan = View.Plan;
        TierOfNeed? tier = Tier switch { nameof(TierOfNeed.Tier2) => TierOfNeed.Tier2, nameof(TierOfNeed.Tier3) => TierOfNeed.Tier3, _ => null };
        if (tier is null)
        {
            ModelState.AddModelError(nameof(Tier), "Select the tier of need, Tier 2 or Tier 3");
        }

        DateOnly? contactOn = null;
        if (tier == TierOfNeed.Tier3)
        {
            contactOn = ContactOn.Parse(ModelState, nameof(ContactOn), "the date the contact form was sent to MASH");
            if (contactOn is DateOnly sent && DateProblem(sent, "The date the contact form was sent to MASH") is string problem)
            {
                ModelState.AddModelError(nameof(ContactOn), problem);
            }
        }

        if (!ModelState.IsValid || tier is null)
        {
            return Page();
        }

        plan.Tier = tier;
        if (tier == TierOfNeed.Tier3)
        {
            plan.MashContactOn = contactOn;
            plan.MashOutcome = null;
            plan.MashOutcomeOn = null;
            plan.MashOutcomeNote = null;
            plan.Stage = PlanStage.WithMash;
            Gate.RecordChange(plan, $"Tier 3: inter-agency contact form sent to MASH on {contactOn:yyyy-MM-dd}");
            Flash("Tier 3 recorded: the plan waits for MASH's answer");
        }
        else
        {
            Gate.RecordChange(plan, "Tier 2: continue to plan");
            Flash("Tier 2 recorded");
        }

        await db.SaveChangesAsync();
        return Redirect($"{PlanPath}#tier");
    }

    /// <summary>What came back from MASH.</summary>
    public async Task<IActionResult> OnPostOutcomeAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        CannotChange = WhyNot();
        if (CannotChange is not null || !AwaitingMash)
        {
            return Page();
        }

        var plan = View.Plan;
        MashOutcome? outcome = Outcome switch
        {
            nameof(MashOutcome.SteppedUp) => MashOutcome.SteppedUp,
            nameof(MashOutcome.PlanContinues) => MashOutcome.PlanContinues,
            _ => null,
        };
        if (outcome is null)
        {
            ModelState.AddModelError(nameof(Outcome), "Select what MASH decided");
        }

        var on = OutcomeOn.Parse(ModelState, nameof(OutcomeOn), "the date of MASH's answer");
        if (on is DateOnly d)
        {
            if (DateProblem(d, "The date of MASH's answer") is string problem)
            {
                ModelState.AddModelError(nameof(OutcomeOn), problem);
            }
            else if (plan.MashContactOn is DateOnly contact && d < contact)
            {
                ModelState.AddModelError(nameof(OutcomeOn), $"The date of MASH's answer must be on or after the contact form was sent, {EarlyHelpText.Date(contact)}");
            }
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is null)
        {
            ModelState.AddModelError(nameof(Note), "Enter what MASH said");
        }
        else if (note.Length > EarlyHelpLimits.Text)
        {
            ModelState.AddModelError(nameof(Note), $"What MASH said must be {EarlyHelpLimits.Text} characters or fewer");
        }

        if (!ModelState.IsValid || outcome is null || on is null)
        {
            return Page();
        }

        plan.MashOutcome = outcome;
        plan.MashOutcomeOn = on;
        plan.MashOutcomeNote = note;
        if (outcome == MashOutcome.SteppedUp)
        {
            plan.Stage = PlanStage.SteppedUp;
            plan.ClosedOn = on;
            plan.ClosureReason = ClosureReason.SteppedUp;
            plan.ReviewDueOn = null;
            Gate.RecordChange(plan, $"MASH outcome: stepped up on {on:yyyy-MM-dd}; plan ended");
            Flash("Stepped up to MASH: this plan has ended");
        }
        else
        {
            // Back to where it was before the contact: agreed plans carry on being reviewed.
            plan.Stage = plan.AgreedOn is null ? PlanStage.Assessment : PlanStage.Active;
            Gate.RecordChange(plan, $"MASH outcome: Tier 2 co-ordinator confirmed the plan continues ({on:yyyy-MM-dd})");
            Flash("The plan continues at Tier 2 support");
        }

        await db.SaveChangesAsync();
        return Redirect($"{PlanPath}#tier");
    }

    private string? WhyNot() => PlanChanges.WhyNot(View, "the tier of need");

    private string? DateProblem(DateOnly date, string what)
    {
        if (date > View.Today)
        {
            return $"{what} must be today or in the past";
        }

        var consent = View.Plan.Consents.Where(c => c.InForce).Select(c => (DateOnly?)c.GivenOn).Min();
        return consent is DateOnly c && date < c ? $"{what} must be on or after consent was given, {EarlyHelpText.Date(c)}" : null;
    }

    public IReadOnlyList<ChoiceOption> TierOptions =>
    [
        new(nameof(TierOfNeed.Tier2), "Tier 2 – continue with this plan", Tier == nameof(TierOfNeed.Tier2), "Needs can be met by early help with the family"),
        new(nameof(TierOfNeed.Tier3), "Tier 3 – send an inter-agency contact form to MASH", Tier == nameof(TierOfNeed.Tier3), "Send the assessment with it; the plan waits for MASH's answer"),
    ];

    public IReadOnlyList<ChoiceOption> OutcomeOptions =>
    [
        new(nameof(MashOutcome.SteppedUp), "Stepped up – referred on to early help and prevention or statutory services", Outcome == nameof(MashOutcome.SteppedUp), "This plan ends"),
        new(nameof(MashOutcome.PlanContinues), "The Tier 2 co-ordinator confirmed the plan continues", Outcome == nameof(MashOutcome.PlanContinues)),
    ];
}
