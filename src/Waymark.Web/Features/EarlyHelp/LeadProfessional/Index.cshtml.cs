using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auth;
using Waymark.Web.Features.EarlyHelp.Family;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.LeadProfessional;

/// <summary>
/// Change the family's Lead Professional: a Waymark user (who then sees the plan, with their school) or someone without an
/// account, recorded by name. The current spell ends the day before; the history is kept.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser) : FamilyPageModel(gate)
{
    private const string PageName = "change Lead Professional";

    public const string ByUser = "user";

    public const string ByName = "other";

    [BindProperty]
    public string? Who { get; set; }

    [BindProperty]
    public string? UserEmail { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Agency { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public DateInput StartedOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public LeadProfessionalSpell? Current => View.Plan.CurrentLeadProfessional;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        StartedOn = DateInput.From(View.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        var plan = View.Plan;
        var current = Current;
        var start = StartedOn.Parse(ModelState, nameof(StartedOn), "the date they start as Lead Professional");
        if (start is DateOnly s && s > View.Today)
        {
            ModelState.AddModelError(nameof(StartedOn), "The date they start as Lead Professional must be today or in the past");
        }
        else if (start is DateOnly early && current is not null && early < current.StartedOn)
        {
            ModelState.AddModelError(nameof(StartedOn), $"The date they start as Lead Professional must be on or after {EarlyHelpText.Date(current.StartedOn)}, when {current.Name} started");
        }

        var reason = Clean(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), "Enter why they are taking over, for example chosen with the family at the review on 3 March");
        }

        Limit(nameof(Reason), reason, EarlyHelpLimits.Short, "The reason");
        var spell = Who switch
        {
            ByUser => await FromUserAsync(current),
            ByName => FromName(),
            _ => null,
        };
        if (Who is not (ByUser or ByName))
        {
            ModelState.AddModelError(nameof(Who), "Select whether the new Lead Professional uses Waymark");
        }

        if (!ModelState.IsValid || spell is null || start is null || reason is null)
        {
            return Page();
        }

        if (current is not null)
        {
            // The day before the new spell, unless the old one began that same day: spells never end before they start.
            current.EndedOn = start.Value > current.StartedOn ? start.Value.AddDays(-1) : current.StartedOn;
        }

        spell.PlanId = plan.Id;
        spell.StartedOn = start.Value;
        spell.Reason = reason;
        plan.LeadProfessionals.Add(spell);
        plan.LeadSchoolId = spell.SchoolId;
        Gate.RecordChange(plan, $"Lead Professional changed from {current?.Name ?? "none"} to {spell.Name} ({spell.Agency}) from {EarlyHelpText.Date(start.Value)}");
        await db.SaveChangesAsync();
        Flash($"{spell.Name} is now the family's Lead Professional");

        // The old Lead Professional may no longer see the plan.
        return EarlyHelpAccess.CanView(EarlyHelpGate.RelationshipOf(plan, currentUser.Scope)) ? Redirect($"{PlanPath}#family") : Redirect("/early-help");
    }

    private async Task<LeadProfessionalSpell?> FromUserAsync(LeadProfessionalSpell? current)
    {
        var email = Clean(UserEmail);
        if (email is null)
        {
            ModelState.AddModelError(nameof(UserEmail), "Enter the email address they sign in to Waymark with");
            return null;
        }

        var normalised = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Include(u => u.School).FirstOrDefaultAsync(u => u.NormalizedEmail == normalised);
        if (user is null || !user.IsActive || !EarlyHelpAccess.CanStartPlan(user.Role))
        {
            ModelState.AddModelError(nameof(UserEmail), $"There is no active Waymark user who can lead plans with the email address {email}. Check it, or record someone without an account");
            return null;
        }

        if (current?.UserId == user.Id)
        {
            ModelState.AddModelError(nameof(UserEmail), $"{user.DisplayName} is already the family's Lead Professional");
            return null;
        }

        var agency = Clean(Agency) ?? user.School?.Name ?? await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Id).Select(l => l.Name).FirstOrDefaultAsync() ?? "Waymark";
        Limit(nameof(Agency), agency, EarlyHelpLimits.Name, "The agency");
        return new LeadProfessionalSpell
        {
            UserId = user.Id, Name = user.DisplayName, Agency = agency, Phone = Clean(Phone) ?? user.PhoneNumber, Email = user.Email, SchoolId = user.SchoolId,
            Reason = "",
        };
    }

    private LeadProfessionalSpell? FromName()
    {
        var name = Clean(Name);
        if (name is null)
        {
            ModelState.AddModelError(nameof(Name), "Enter the new Lead Professional's name");
        }

        Limit(nameof(Name), name, EarlyHelpLimits.Name, "The name");
        var agency = Clean(Agency);
        if (agency is null)
        {
            ModelState.AddModelError(nameof(Agency), "Enter the new Lead Professional's agency");
        }

        Limit(nameof(Agency), agency, EarlyHelpLimits.Name, "The agency");
        var phone = Clean(Phone);
        Limit(nameof(Phone), phone, 50, "The phone number");
        var email = Clean(Email);
        Limit(nameof(Email), email, EarlyHelpLimits.Name, "The email address");
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), "Enter the new Lead Professional's email address in the correct format, like name@example.org");
        }

        if (phone is null && email is null)
        {
            ModelState.AddModelError(nameof(Phone), "Enter a phone number or an email address, so the family and services can reach the Lead Professional");
        }

        return name is null || agency is null ? null : new LeadProfessionalSpell { Name = name, Agency = agency, Phone = phone, Email = email, Reason = "" };
    }
}
