using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Web.Api;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Admin.Users;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Admin.Integrations;

/// <summary>
/// An LA administrator registers an integration: its name, the role (and school) whose data scope it acts with, what it
/// may read, and the last day its token works. The token is shown on this response only; Waymark keeps its hash.
/// </summary>
public sealed class RegisterModel(WaymarkDbContext db, Auditor auditor, CurrentUser currentUser, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The school's URN, for a school role.</summary>
    [BindProperty]
    public int? School { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [BindProperty]
    public DateInput LastDay { get; set; } = new();

    /// <summary>Shown once, on the response to the registration; never stored or shown again.</summary>
    public string? IssuedToken { get; private set; }

    public ApiIntegration? Registered { get; private set; }

    public IReadOnlyList<SelectOption> RoleOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public IReadOnlyList<ChoiceOption> ScopeOptions =>
        ApiScopes.All.Select(s => new ChoiceOption(ApiScopes.Name(s), ApiScopes.Name(s), Scopes.Contains(ApiScopes.Name(s)), ApiScopes.Description(s))).ToList();

    public DateOnly Latest => Today(clock).AddDays(IntegrationRules.MaximumLifetimeDays);

    public async Task OnGetAsync() => await LoadOptionsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var today = Today(clock);
        Name = Name?.Trim();
        if (IntegrationRules.NameProblem(Name) is string nameProblem)
        {
            ModelState.AddModelError(nameof(Name), nameProblem);
        }

        var role = UserForm.ParseRole(Role);
        if (role is not Role r || !IntegrationRules.MayActAs(r))
        {
            ModelState.AddModelError(nameof(Role), "Select the role the integration acts as");
        }

        School? school = null;
        if (role is Role schoolRole && Roles.RequiresSchool(schoolRole))
        {
            school = School is int urn ? await db.Schools.SingleOrDefaultAsync(s => s.Urn == urn && s.IsOpen) : null;
            if (school is null)
            {
                ModelState.AddModelError(nameof(School), "Select the school whose pupils the integration sees");
            }
        }
        else if (School is not null && role is not null)
        {
            ModelState.AddModelError(nameof(School), "An integration with an LA-wide role cannot belong to a school: select None");
        }

        var scopes = new List<ApiScope>();
        foreach (var name in Scopes)
        {
            if (ApiScopes.TryParse(name, out var scope))
            {
                scopes.Add(scope);
            }
        }

        if (scopes.Count == 0)
        {
            ModelState.AddModelError(nameof(Scopes), "Select what the integration may read");
        }

        var lastDay = LastDay.Parse(ModelState, nameof(LastDay), "the last day the token can be used");
        if (lastDay is not null && IntegrationRules.ExpiryProblem(lastDay, today) is string expiryProblem)
        {
            ModelState.AddModelError(nameof(LastDay), expiryProblem);
        }

        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync();
            return Page();
        }

        var token = ApiTokens.NewToken();
        var integration = new ApiIntegration
        {
            Id = Guid.NewGuid(),
            Name = Name!,
            Role = role!.Value,
            SchoolId = school?.Id,
            Scopes = ApiScopes.Format(scopes),
            TokenPrefix = IntegrationRules.VisiblePrefix(token),
            TokenHash = ApiTokens.Hash(token),
            ExpiresAtUtc = IntegrationText.ExpiresAtUtc(lastDay!.Value),
            CreatedByUserId = currentUser.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiIntegrations.Add(integration);
        auditor.Record(AuditActions.IntegrationRegistered, detail:
            $"{integration.Name}: acts as {Roles.CommandName(integration.Role)}{(school is null ? "" : $" at {school.Name} ({school.Urn})")}; " +
            $"scopes {integration.Scopes}; last day {lastDay:yyyy-MM-dd}; token {integration.TokenPrefix}…");
        await db.SaveChangesAsync();

        integration.School = school;
        Registered = integration;
        IssuedToken = token;
        return Page();
    }

    private async Task LoadOptionsAsync()
    {
        RoleOptions = [new SelectOption("", "Select a role", string.IsNullOrEmpty(Role)),
            .. IntegrationRules.RolesItMayActAs.Select(r => new SelectOption(Roles.CommandName(r), Roles.DisplayName(r), Roles.CommandName(r) == Role))];
        SchoolOptions = await UserForm.SchoolOptionsAsync(db, School);
    }
}
