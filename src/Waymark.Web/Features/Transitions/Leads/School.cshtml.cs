using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Leads;

public sealed record LeadRow(int Id, string Name, string? Email, string? Phone, string? Account, DateOnly NamedOn, DateOnly? EndedOn);

/// <summary>One school's Transition Leads, current and former. The school names its own; the LA can name anyone's.</summary>
public sealed class SchoolModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public School School { get; private set; } = null!;

    public IReadOnlyList<LeadRow> Current { get; private set; } = [];

    public IReadOnlyList<LeadRow> Former { get; private set; } = [];

    public IReadOnlyList<SelectOption> AccountOptions { get; private set; } = [];

    public bool CanChange { get; private set; }

    /// <summary>LA-wide users come from the list of every school; school staff have only their own.</summary>
    public bool SeesAllSchools => Roles.ScopeOf(currentUser.Role) == DataScope.LocalAuthority;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>The Waymark account of a Transition Lead at this school, if the lead has one.</summary>
    [BindProperty]
    public string? UserId { get; set; }

    public async Task<IActionResult> OnGetAsync(int urn)
    {
        if (await OpenAsync(urn) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn)
    {
        if (await OpenAsync(urn, change: true) is IActionResult refused)
        {
            return refused;
        }

        Name = Tidy(Name);
        Email = Tidy(Email);
        Phone = Tidy(Phone);
        UserId = Tidy(UserId);
        WaymarkUser? account = null;
        if (UserId is not null)
        {
            account = await db.Users.AsNoTracking().SingleOrDefaultAsync(
                u => u.Id == UserId && u.SchoolId == School.Id && u.Role == Role.TransitionLead && u.IsActive);
            if (account is null)
            {
                ModelState.AddModelError(nameof(UserId), "Select a Transition Lead’s account at this school, or none");
            }
            else
            {
                // Naming someone by their account is enough: the rest comes from it.
                Name ??= account.DisplayName;
                Email ??= account.Email;
            }
        }

        if (Name is null)
        {
            ModelState.AddModelError(nameof(Name), "Enter the Transition Lead’s name");
        }
        else if (Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "Name must be 200 characters or fewer");
        }

        if (Email is not null && (Email.Length > 256 || !LooksLikeEmail(Email)))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }

        if (Phone is not null && (Phone.Length > 40 || !Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-')
                                  || Phone.Count(char.IsAsciiDigit) < 6))
        {
            ModelState.AddModelError(nameof(Phone), "Enter a telephone number, like 01632 960 001 or 07700 900 982");
        }

        if (ModelState.ErrorCount == 0)
        {
            var current = await db.SchoolTransitionLeads.AsNoTracking().Where(l => l.SchoolId == School.Id && l.EndedOn == null)
                .Select(l => new { l.Name, l.UserId }).ToListAsync();
            if (current.Any(l => Waymark.Domain.Transitions.Training.PersonKey(l.Name) == Waymark.Domain.Transitions.Training.PersonKey(Name!)))
            {
                ModelState.AddModelError(nameof(Name), $"{Name} is already a Transition Lead of this school");
            }
            else if (account is not null && current.Any(l => l.UserId == account.Id))
            {
                ModelState.AddModelError(nameof(UserId), "That account is already linked to a current Transition Lead of this school");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync();
            return Page();
        }

        db.SchoolTransitionLeads.Add(new SchoolTransitionLead
        {
            SchoolId = School.Id, Name = Name!, Email = Email, Phone = Phone, UserId = account?.Id, NamedOn = Today(clock),
        });
        auditor.Record(AuditActions.ProgrammeChanged, detail: $"Transition Lead named at {School.Name} ({School.Urn}): {Name}");
        await db.SaveChangesAsync();
        Flash($"{Name} named as a Transition Lead");
        return Redirect($"/transition/leads/{urn}");
    }

    public async Task<IActionResult> OnPostEndAsync(int urn, int leadId)
    {
        if (await OpenAsync(urn, change: true) is IActionResult refused)
        {
            return refused;
        }

        var lead = await db.SchoolTransitionLeads.SingleOrDefaultAsync(l => l.Id == leadId && l.SchoolId == School.Id && l.EndedOn == null);
        if (lead is null)
        {
            return NotFound();
        }

        lead.EndedOn = Today(clock);
        auditor.Record(AuditActions.ProgrammeChanged, detail: $"Transition Lead ended at {School.Name} ({School.Urn}): {lead.Name}");
        await db.SaveChangesAsync();
        Flash($"{lead.Name} is no longer a Transition Lead");
        return Redirect($"/transition/leads/{urn}");
    }

    /// <summary>404 for a school unknown or, to school staff, not theirs; 403 for anyone else who may not look or change.</summary>
    private async Task<IActionResult?> OpenAsync(int urn, bool change = false)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn);
        if (school is null)
        {
            return NotFound();
        }

        School = school;
        var role = currentUser.Role;
        var own = currentUser.SchoolId == school.Id;
        if (!TransitionLeads.CanSee(role, own))
        {
            return Roles.ScopeOf(role) == DataScope.School ? NotFound() : Forbid();
        }

        CanChange = TransitionLeads.CanChange(role, own);
        return change && !CanChange ? Forbid() : null;
    }

    private async Task LoadAsync()
    {
        var leads = await db.SchoolTransitionLeads.AsNoTracking().Where(l => l.SchoolId == School.Id)
            .GroupJoin(db.Users, l => l.UserId, u => u.Id, (l, u) => new { l, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new LeadRow(x.l.Id, x.l.Name, x.l.Email, x.l.Phone, u!.DisplayName, x.l.NamedOn, x.l.EndedOn))
            .ToListAsync();
        Current = leads.Where(l => l.EndedOn is null).OrderBy(l => l.NamedOn).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Former = leads.Where(l => l.EndedOn is not null).OrderByDescending(l => l.EndedOn).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (CanChange)
        {
            var accounts = await db.Users.AsNoTracking()
                .Where(u => u.SchoolId == School.Id && u.Role == Role.TransitionLead && u.IsActive)
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
            AccountOptions = [new SelectOption("", "No account", UserId is null),
                .. accounts.Select(a => new SelectOption(a.Id, $"{a.DisplayName} ({a.Email})", a.Id == UserId))];
        }
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3 && email.IndexOf('.', at) > at + 1
            && !email.Any(char.IsWhiteSpace) && !email.EndsWith('.');
    }

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
