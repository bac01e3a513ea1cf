using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Agree;

/// <summary>
/// Agree the plan with the family: only once it is whole (consent, everyone's scores, a Tier 2 decision, an action). From
/// that day the Team Around the Family reviews it every six weeks.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate) : PlanPageModel(gate)
{
    private const string PageName = "agree the plan";

    [BindProperty]
    public DateInput AgreedOn { get; set; } = new();

    /// <summary>What is missing before the plan can be agreed; empty when it can.</summary>
    public List<string> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        Missing = await MissingAsync();
        AgreedOn = DateInput.From(View.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        Missing = await MissingAsync();
        if (Missing.Count > 0)
        {
            return Page();
        }

        var plan = View.Plan;
        var agreed = AgreedOn.Parse(ModelState, nameof(AgreedOn), "the date the plan was agreed");
        var consentOn = plan.Consents.Where(c => c.Kind == EarlyHelpConsentKind.ShareWithSupporters && c.InForce).Min(c => c.GivenOn);
        if (agreed is DateOnly d)
        {
            if (d > View.Today)
            {
                ModelState.AddModelError(nameof(AgreedOn), "The date the plan was agreed must be today or in the past");
            }
            else if (d < consentOn)
            {
                ModelState.AddModelError(nameof(AgreedOn), $"The date the plan was agreed must be on or after consent was given, {EarlyHelpText.Date(consentOn)}");
            }
        }

        if (!ModelState.IsValid || agreed is null)
        {
            return Page();
        }

        plan.Stage = PlanStage.Active;
        plan.AgreedOn = agreed;
        plan.ReviewDueOn = ReviewSchedule.DueOn(agreed.Value, null);
        Gate.RecordChange(plan, $"plan agreed with the family on {agreed:yyyy-MM-dd}; first review due {plan.ReviewDueOn:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        Flash($"Plan agreed. The first review is due by {EarlyHelpText.Date(plan.ReviewDueOn.Value)}");
        return Redirect(PlanPath);
    }

    private async Task<List<string>> MissingAsync()
    {
        var plan = View.Plan;
        var missing = new List<string>();
        if (plan.Stage != PlanStage.Assessment)
        {
            missing.Add(plan.AgreedOn is DateOnly already && plan.Stage == PlanStage.Active
                ? $"The plan was already agreed on {EarlyHelpText.Date(already)}."
                : $"The plan cannot be agreed while {PlanChanges.Stage(plan.Stage)}.");
            return missing;
        }

        if (!View.HasConsent)
        {
            missing.Add("Record the family's consent to share their information with those supporting the plan.");
        }

        var assessed = await db.SelfAssessments.Where(s => s.PlanId == plan.Id && s.ReviewId == null).Select(s => s.MemberId).ToListAsync();
        foreach (var member in plan.Members.Where(m => m.IsAssessed && !assessed.Contains(m.Id)))
        {
            missing.Add($"Record {member.Name}'s self-assessment.");
        }

        if (!plan.Members.Any(m => m.IsAssessed))
        {
            missing.Add("Add the family members the plan is for, and record their self-assessments.");
        }

        switch (plan.Tier)
        {
            case null:
                missing.Add("Record the tier of need.");
                break;
            case TierOfNeed.Tier3 when plan.MashOutcome != MashOutcome.PlanContinues:
                missing.Add("This is Tier 3: the plan can be agreed only if MASH's Tier 2 co-ordinator confirms it should continue.");
                break;
        }

        if (plan.Actions.Count == 0)
        {
            missing.Add("Add at least one action to the action plan.");
        }

        return missing;
    }
}
