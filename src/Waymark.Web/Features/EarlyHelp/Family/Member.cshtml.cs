using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Family;

/// <summary>
/// Add or change someone in the family: a parent or carer, a child (born, or unborn with the expected date of delivery),
/// or another significant person. A child may be linked to their Waymark record by UPN, if the user can see that record.
/// </summary>
public sealed class MemberModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser) : FamilyPageModel(gate)
{
    private const string PageName = "family member";

    /// <summary>An unborn baby is expected within about ten months.</summary>
    private const int LongestPregnancyDays = 310;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }

    [BindProperty]
    public bool Unborn { get; set; }

    [BindProperty]
    public DateInput DateOfBirth { get; set; } = new();

    [BindProperty]
    public DateInput ExpectedOn { get; set; } = new();

    [BindProperty]
    public string? Gender { get; set; }

    [BindProperty]
    public string? Ethnicity { get; set; }

    [BindProperty]
    public string? Disability { get; set; }

    [BindProperty]
    public string? LivesAtHome { get; set; }

    [BindProperty]
    public string? Upn { get; set; }

    /// <summary>The member being changed; null when adding.</summary>
    public FamilyMember? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string member)
    {
        if (await OpenMemberAsync(id, member) is IActionResult r)
        {
            return r;
        }

        if (Member is FamilyMember m)
        {
            Name = m.Name;
            Role = m.Role.ToString();
            Relationship = m.Relationship;
            Unborn = m.Unborn;
            if (m.Unborn)
            {
                ExpectedOn = DateInput.From(m.DateOfBirth);
            }
            else
            {
                DateOfBirth = DateInput.From(m.DateOfBirth);
            }

            Gender = m.Gender;
            Ethnicity = m.Ethnicity;
            Disability = m.Disability;
            LivesAtHome = m.LivesAtHome ? "yes" : "no";
            Upn = m.Child?.Upn;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string member)
    {
        if (await OpenMemberAsync(id, member) is IActionResult r)
        {
            return r;
        }

        var name = Clean(Name);
        if (name is null)
        {
            ModelState.AddModelError(nameof(Name), Unborn ? "Enter a name for the unborn baby, for example Unborn baby of Ann Smith" : "Enter the family member's name");
        }

        Limit(nameof(Name), name, EarlyHelpLimits.Name, "The name");
        var role = Enum.TryParse<FamilyRole>(Role, out var parsed) && Enum.IsDefined(parsed) ? parsed : (FamilyRole?)null;
        if (role is null)
        {
            ModelState.AddModelError(nameof(Role), $"Select {name ?? "the family member"}'s role in the family");
        }
        else if (Unborn && role != FamilyRole.Child)
        {
            ModelState.AddModelError(nameof(Role), "An unborn baby is recorded as a child: select Child");
        }

        var relationship = Clean(Relationship);
        if (relationship is null)
        {
            ModelState.AddModelError(nameof(Relationship), $"Enter {name ?? "the family member"}'s relationship in the family, for example Mum or Son");
        }

        Limit(nameof(Relationship), relationship, 100, "The relationship");
        DateOnly? date;
        if (Unborn)
        {
            date = ExpectedOn.Parse(ModelState, nameof(ExpectedOn), "the expected date of delivery");
            if (date is DateOnly due && (due < View.Today.AddDays(-LongestPregnancyDays) || due > View.Today.AddDays(LongestPregnancyDays)))
            {
                ModelState.AddModelError(nameof(ExpectedOn), "The expected date of delivery must be within 10 months of today");
            }
        }
        else
        {
            date = DateOfBirth.Parse(ModelState, nameof(DateOfBirth), "the date of birth", required: false);
            if (date is DateOnly born && born > View.Today)
            {
                ModelState.AddModelError(nameof(DateOfBirth), "The date of birth must be today or in the past; for an unborn baby, select Unborn");
            }
        }

        var gender = Clean(Gender);
        Limit(nameof(Gender), gender, 50, "Gender");
        var ethnicity = Clean(Ethnicity);
        Limit(nameof(Ethnicity), ethnicity, 100, "Ethnicity");
        var disability = Clean(Disability);
        Limit(nameof(Disability), disability, EarlyHelpLimits.Short, "Disability");
        if (LivesAtHome is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(LivesAtHome), $"Select whether {name ?? "the family member"} lives at home");
        }

        var childId = await LinkAsync(role);
        if (!ModelState.IsValid || name is null || role is null || relationship is null)
        {
            return Page();
        }

        var m = Member ?? new FamilyMember { PlanId = id, Name = name, Relationship = relationship };
        m.Name = name;
        m.Role = role.Value;
        m.Relationship = relationship;
        m.Unborn = Unborn;
        m.DateOfBirth = date;
        m.Gender = gender;
        m.Ethnicity = ethnicity;
        m.Disability = disability;
        m.LivesAtHome = LivesAtHome == "yes";
        m.ChildId = childId;
        if (Member is null)
        {
            View.Plan.Members.Add(m);
        }

        // After the change, so a newly linked child's record shows it too.
        Gate.RecordChange(View.Plan, $"family member {name} {(Member is null ? "added" : "changed")}{(childId is null ? "" : ", linked to the child's record")}");
        await db.SaveChangesAsync();
        Flash(Member is null ? $"{name} added to the family" : $"{name}'s details changed");
        return Redirect($"{PlanPath}#family");
    }

    /// <summary>The record the UPN names, if the user can see it; the error is the same whether it does not exist or is hidden.</summary>
    private async Task<Guid?> LinkAsync(FamilyRole? role)
    {
        if (string.IsNullOrWhiteSpace(Upn))
        {
            return null;
        }

        if (role != FamilyRole.Child || Unborn)
        {
            ModelState.AddModelError(nameof(Upn), "Only a child who has been born can be linked to a record by UPN: leave the UPN blank");
            return null;
        }

        var check = Waymark.Domain.Identifiers.Upn.Validate(Upn);
        if (!check.IsValid)
        {
            ModelState.AddModelError(nameof(Upn), check.Message);
            return null;
        }

        var upn = Waymark.Domain.Identifiers.Upn.Normalise(Upn);
        var found = await db.Children.Where(c => c.Upn == upn).VisibleTo(db, currentUser.Scope, View.Today).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (found is null)
        {
            ModelState.AddModelError(nameof(Upn), $"There is no child record you can see with UPN {upn}. Check the UPN, or leave it blank");
        }
        else if (View.Plan.Members.Any(x => x.ChildId == found && x != Member))
        {
            ModelState.AddModelError(nameof(Upn), $"The child with UPN {upn} is already in this family");
        }

        return found;
    }

    private async Task<IActionResult?> OpenMemberAsync(Guid id, string member)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        if (member == "new")
        {
            return null;
        }

        if (!int.TryParse(member, NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            || View.Plan.Members.FirstOrDefault(m => m.Id == memberId) is not FamilyMember found)
        {
            return NotFound();
        }

        Member = found;
        return null;
    }
}
