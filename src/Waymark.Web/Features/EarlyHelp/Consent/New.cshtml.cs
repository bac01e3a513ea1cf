using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auth;
using Waymark.Web.Features.EarlyHelp.Family;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Consent;

/// <summary>
/// Record consent given by a family member: a parent or carer, or a young person of 12 or more (under 16 only when the
/// practitioner judged them competent). Also the way a plan gets consent back, so it does not need consent in force.
/// </summary>
public sealed class NewModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser, TimeProvider clock) : FamilyPageModel(gate)
{
    private const string PageName = "record consent";

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Agreed { get; set; }

    [BindProperty]
    public int? GivenBy { get; set; }

    [BindProperty]
    public bool CompetenceConfirmed { get; set; }

    [BindProperty]
    public DateInput GivenOn { get; set; } = new();

    [BindProperty]
    public List<int> Covers { get; set; } = [];

    /// <summary>Who may be asked: everyone but unborn babies; the rules then decide whether they may sign.</summary>
    public IEnumerable<FamilyMember> Givers => View.Plan.Members.Where(m => !m.Unborn && m.Role != FamilyRole.OtherSignificantPerson).OrderBy(m => m.Role).ThenBy(m => m.Id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName, needsConsent: false) is IActionResult r)
        {
            return r;
        }

        Covers = [.. View.Plan.Members.Select(m => m.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName, needsConsent: false) is IActionResult r)
        {
            return r;
        }

        var plan = View.Plan;
        var kind = Enum.TryParse<EarlyHelpConsentKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (EarlyHelpConsentKind?)null;
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select what the consent is for");
        }

        if (Agreed is not (Start.NewModel.Agree or Start.NewModel.NotAgree))
        {
            ModelState.AddModelError(nameof(Agreed), "Select whether they agree");
        }

        var date = GivenOn.Parse(ModelState, nameof(GivenOn), "the date consent was given");
        if (date is DateOnly d && d > View.Today)
        {
            ModelState.AddModelError(nameof(GivenOn), "The date consent was given must be today or in the past");
        }

        var giver = plan.Members.FirstOrDefault(m => m.Id == GivenBy);
        if (giver is null)
        {
            ModelState.AddModelError(nameof(GivenBy), "Select who gave consent");
        }
        else if (giver.Unborn || giver.Role == FamilyRole.OtherSignificantPerson)
        {
            ModelState.AddModelError(nameof(GivenBy), $"{giver.Name} cannot give consent: select a parent or carer, or a young person of {EarlyHelpConsentRules.YoungestSignature} or over");
        }
        else if (giver.Role == FamilyRole.Child)
        {
            if (giver.DateOfBirth is not DateOnly dob)
            {
                ModelState.AddModelError(nameof(GivenBy), $"Record {giver.Name}'s date of birth before they give their own consent");
            }
            else if (date is DateOnly on && EarlyHelpConsentRules.YoungPersonProblem(dob, on, CompetenceConfirmed, giver.Name) is string problem)
            {
                ModelState.AddModelError(nameof(GivenBy), problem);
            }
        }

        var covers = plan.Members.Where(m => Covers.Contains(m.Id)).Select(m => m.Id).ToList();
        if (covers.Count == 0)
        {
            ModelState.AddModelError(nameof(Covers), "Select who the consent covers");
        }

        if (!ModelState.IsValid || kind is null || giver is null || date is null)
        {
            return Page();
        }

        var consent = new EarlyHelpConsent
        {
            PlanId = plan.Id, Kind = kind.Value, Agreed = Agreed == Start.NewModel.Agree, GivenByMemberId = giver.Id,
            CompetenceConfirmed = giver.Role == FamilyRole.Child && CompetenceConfirmed, GivenOn = date.Value, CoversMemberIds = string.Join(',', covers),
            RecordedByUserId = currentUser.Id, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.EarlyHelpConsents.Add(consent);
        var what = $"{(consent.Agreed ? "consent" : "refusal")} to {EarlyHelpConsentRules.KindName(consent.Kind).ToLowerInvariant()} recorded, given by {giver.Name} on {EarlyHelpText.Date(date.Value)}";
        Gate.RecordChange(plan, what);
        await db.SaveChangesAsync();
        Flash(consent.Agreed ? $"Consent recorded for {giver.Name}" : $"Recorded that {giver.Name} did not agree");
        return Redirect($"{PlanPath}#consent");
    }

    public static string Describe(FamilyMember m) =>
        m.Role == FamilyRole.Child && m.DateOfBirth is DateOnly dob ? $"{m.Name} ({m.Relationship}, born {EarlyHelpText.Date(dob)})" : $"{m.Name} ({m.Relationship})";
}
