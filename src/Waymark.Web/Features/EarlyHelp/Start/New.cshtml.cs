using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Start;

/// <summary>
/// Start a Family Early Help Plan for a child the user can see. Consent comes first: the plan, its first two family
/// members, their consent and the Lead Professional are saved together, or, if the family does not agree to share,
/// nothing is saved at all.
/// </summary>
public sealed class NewModel(WaymarkDbContext db, ChildGate childGate, EarlyHelpGate gate, CurrentUser currentUser, TimeProvider clock)
    : WaymarkPageModel
{
    private const string PageName = "start an early help plan";

    public const string Agree = "agree";

    public const string NotAgree = "not-agree";

    [BindProperty(SupportsGet = true)]
    public Guid ChildId { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? GiverName { get; set; }

    [BindProperty]
    public string? GiverRelationship { get; set; }

    [BindProperty]
    public DateInput GiverDateOfBirth { get; set; } = new();

    [BindProperty]
    public string? ChildRelationship { get; set; }

    [BindProperty]
    public string? Share { get; set; }

    [BindProperty]
    public DateInput ConsentDate { get; set; } = new();

    /// <summary>"giver" and/or "child".</summary>
    [BindProperty]
    public List<string> Covers { get; set; } = [];

    [BindProperty]
    public string? SupportingFamilies { get; set; }

    [BindProperty]
    public string? LeadName { get; set; }

    [BindProperty]
    public string? LeadAgency { get; set; }

    [BindProperty]
    public string? LeadPhone { get; set; }

    [BindProperty]
    public string? LeadEmail { get; set; }

    public Child Child { get; private set; } = null!;

    /// <summary>Open plans the child is already in that the user can see: a second plan for the same family is rarely right.</summary>
    public List<(Guid Id, string FamilyName)> OpenPlans { get; private set; } = [];

    /// <summary>The family did not agree to share: no plan, and what to do instead.</summary>
    public bool ConsentRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseAsync() is IActionResult refused)
        {
            return refused;
        }

        FamilyName = $"The {Child.PreferredSurname ?? Child.LegalSurname} family";
        ChildRelationship = Child.Sex switch { Sex.Female => "Daughter", Sex.Male => "Son", _ => "Child" };
        Covers = ["giver", "child"];
        var user = await db.Users.AsNoTracking().Include(u => u.School).SingleAsync(u => u.Id == currentUser.Id);
        LeadName = user.DisplayName;
        LeadAgency = user.School?.Name ?? await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Id).Select(l => l.Name).FirstOrDefaultAsync();
        LeadPhone = user.PhoneNumber;
        LeadEmail = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseAsync() is IActionResult refused)
        {
            return refused;
        }

        if (Share == NotAgree)
        {
            // Nothing is kept: without consent there is no plan, and no record of the family beyond the child's own.
            ConsentRefused = true;
            return Page();
        }

        var plan = Validate();
        if (plan is null)
        {
            return Page();
        }

        // Consents name members by id, known only once the members are saved: two saves, one transaction, so all or nothing.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.EarlyHelpPlans.Add(plan.Plan);
            gate.RecordChange(plan.Plan, $"plan started for {plan.Plan.FamilyName}, consent to share given by {plan.Giver.Name} on {EarlyHelpText.Date(plan.Share.GivenOn)}");
            await db.SaveChangesAsync();
            var covers = string.Join(',', plan.Covered.Select(m => m.Id));
            foreach (var consent in plan.Consents)
            {
                consent.PlanId = plan.Plan.Id;
                consent.GivenByMemberId = plan.Giver.Id;
                consent.CoversMemberIds = covers;
                db.EarlyHelpConsents.Add(consent);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Flash($"Family Early Help Plan started for {plan.Plan.FamilyName}");
        return Redirect($"/early-help/{plan.Plan.Id}");
    }

    private async Task<IActionResult?> RefuseAsync()
    {
        if (!EarlyHelpAccess.CanStartPlan(currentUser.Role))
        {
            return Forbid();
        }

        if (await childGate.AccessAsync(ChildId) != ChildAccessLevel.Full)
        {
            return await childGate.RefuseAsync(ChildId, PageName);
        }

        Child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == ChildId);
        OpenPlans = [.. (await db.EarlyHelpPlans.AsNoTracking().VisibleTo(currentUser.Scope)
                .Where(p => p.Stage != PlanStage.Closed && p.Stage != PlanStage.SteppedUp && p.Members.Any(m => m.ChildId == ChildId))
                .Select(p => new { p.Id, p.FamilyName }).ToListAsync())
            .Select(p => (p.Id, p.FamilyName))];
        return null;
    }

    private sealed record NewPlan(EarlyHelpPlan Plan, FamilyMember Giver, List<FamilyMember> Covered, EarlyHelpConsent Share, List<EarlyHelpConsent> Consents);

    private NewPlan? Validate()
    {
        var today = Today(clock);
        var familyName = Required(nameof(FamilyName), FamilyName, "Enter the family's name, for example The Smith family", EarlyHelpLimits.Name, "The family's name");
        var giverName = Required(nameof(GiverName), GiverName, "Enter the name of the parent or carer giving consent", EarlyHelpLimits.Name, "The name of the parent or carer");
        var giverRelationship = Required(nameof(GiverRelationship), GiverRelationship, "Enter the parent or carer's relationship to the child, for example Mum", 100, "The relationship");
        var giverDob = GiverDateOfBirth.Parse(ModelState, nameof(GiverDateOfBirth), "the parent or carer's date of birth", required: false);
        if (giverDob is DateOnly dob && dob > today)
        {
            ModelState.AddModelError(nameof(GiverDateOfBirth), "The parent or carer's date of birth must be today or in the past");
        }

        var childRelationship = Required(nameof(ChildRelationship), ChildRelationship, $"Enter {Child.KnownAsName}'s relationship in the family, for example Son", 100, "The child's relationship");
        if (Share != Agree)
        {
            ModelState.AddModelError(nameof(Share), "Select whether the family agrees to share their information with those supporting the plan");
        }

        var givenOn = ConsentDate.Parse(ModelState, nameof(ConsentDate), "the date consent was given");
        if (givenOn is DateOnly g && g > today)
        {
            ModelState.AddModelError(nameof(ConsentDate), "The date consent was given must be today or in the past");
        }

        var coversGiver = Covers.Contains("giver");
        var coversChild = Covers.Contains("child");
        if (!coversGiver && !coversChild)
        {
            ModelState.AddModelError(nameof(Covers), "Select who the consent covers");
        }

        if (SupportingFamilies is not (null or "" or Agree or NotAgree))
        {
            ModelState.AddModelError(nameof(SupportingFamilies), "Select whether the family agrees to share with the Supporting Families programme");
        }

        var leadName = Required(nameof(LeadName), LeadName, "Enter the Lead Professional's name", EarlyHelpLimits.Name, "The Lead Professional's name");
        var leadAgency = Required(nameof(LeadAgency), LeadAgency, "Enter the Lead Professional's agency, for example the school's name", EarlyHelpLimits.Name, "The agency");
        var leadPhone = Clean(LeadPhone);
        if (leadPhone?.Length > 50)
        {
            ModelState.AddModelError(nameof(LeadPhone), "The Lead Professional's phone number must be 50 characters or fewer");
        }

        var leadEmail = Clean(LeadEmail);
        if (leadEmail is not null && (leadEmail.Length > EarlyHelpLimits.Name || !leadEmail.Contains('@', StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(LeadEmail), "Enter the Lead Professional's email address in the correct format, like name@example.org");
        }

        if (!ModelState.IsValid || familyName is null || giverName is null || giverRelationship is null || childRelationship is null
            || givenOn is null || leadName is null || leadAgency is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var giver = new FamilyMember { Name = giverName, Role = FamilyRole.ParentOrCarer, Relationship = giverRelationship, DateOfBirth = giverDob, LivesAtHome = true };
        var child = new FamilyMember
        {
            Name = Child.KnownAsName, Role = FamilyRole.Child, Relationship = childRelationship, DateOfBirth = Child.DateOfBirth, LivesAtHome = true,
            ChildId = Child.Id, Gender = Child.Sex == Sex.Unknown ? null : Child.Sex.ToString(),
        };
        var plan = new EarlyHelpPlan
        {
            Id = Guid.NewGuid(), Stage = PlanStage.Assessment, FamilyName = familyName, LeadSchoolId = currentUser.SchoolId,
            CreatedByUserId = currentUser.Id, CreatedAtUtc = now, UpdatedAtUtc = now, Members = [giver, child],
            LeadProfessionals =
            [
                new LeadProfessionalSpell
                {
                    UserId = currentUser.Id, Name = leadName, Agency = leadAgency, Phone = leadPhone, Email = leadEmail, SchoolId = currentUser.SchoolId,
                    StartedOn = today, Reason = "Completed the plan",
                },
            ],
        };
        EarlyHelpConsent Consent(EarlyHelpConsentKind kind, bool agreed) => new()
        {
            Kind = kind, Agreed = agreed, GivenOn = givenOn.Value, CoversMemberIds = "", RecordedByUserId = currentUser.Id, RecordedAtUtc = now,
        };
        var share = Consent(EarlyHelpConsentKind.ShareWithSupporters, true);
        List<EarlyHelpConsent> consents = [share];
        if (SupportingFamilies is Agree or NotAgree)
        {
            consents.Add(Consent(EarlyHelpConsentKind.SupportingFamilies, SupportingFamilies == Agree));
        }

        List<FamilyMember> covered = [.. new[] { coversGiver ? giver : null, coversChild ? child : null }.OfType<FamilyMember>()];
        return new NewPlan(plan, giver, covered, share, consents);
    }

    private string? Required(string key, string? value, string missing, int max, string what)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            ModelState.AddModelError(key, missing);
        }
        else if (clean.Length > max)
        {
            ModelState.AddModelError(key, $"{what} must be {max} characters or fewer");
        }

        return clean;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static IReadOnlyList<ChoiceOption> AgreeOptions(string? selected, string agreeText, string notAgreeText) =>
    [
        new(Agree, agreeText, selected == Agree),
        new(NotAgree, notAgreeText, selected == NotAgree),
    ];
}
