using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.Transitions;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Programme.Interventions;

/// <summary>The fields of a catalogue entry, shared by the add and change pages.</summary>
public abstract class InterventionFormModel(WaymarkDbContext db, CurrentUser currentUser) : WaymarkPageModel
{
    protected WaymarkDbContext Db => db;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? DefaultProvider { get; set; }

    [BindProperty]
    public string? OutcomeMeasure { get; set; }

    /// <summary>Officers and administrators keep the catalogue; the advisory teacher may only read it.</summary>
    public bool CanManage => TransitionAccess.CanManageProgramme(currentUser.Role);

    /// <summary>Checks the fields, including that no other intervention has the same name; trims what was typed.</summary>
    protected async Task<bool> ValidateAsync(int? exceptId)
    {
        Name = Tidy(Name);
        Description = Tidy(Description);
        DefaultProvider = Tidy(DefaultProvider);
        OutcomeMeasure = Tidy(OutcomeMeasure);
        if (Name is null)
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the intervention");
        }
        else if (Name.Length > Waymark.Domain.Transitions.Interventions.MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), "Name must be 200 characters or fewer");
        }
        else
        {
            var others = await db.Interventions.AsNoTracking().Where(i => i.Id != exceptId).Select(i => i.Name).ToListAsync();
            if (Waymark.Domain.Transitions.Interventions.IsDuplicateName(Name, others))
            {
                ModelState.AddModelError(nameof(Name), $"There is already an intervention called ‘{Name}’: choose another name");
            }
        }

        if (Description is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(Description), "Description must be 2,000 characters or fewer");
        }

        if (DefaultProvider is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(DefaultProvider), "Usual provider must be 200 characters or fewer");
        }

        if (OutcomeMeasure is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(OutcomeMeasure), "Outcome measure must be 200 characters or fewer");
        }

        return ModelState.ErrorCount == 0;
    }

    /// <summary>Another officer saved the same name a moment before; the unique index caught it.</summary>
    protected void NameTaken() =>
        ModelState.AddModelError(nameof(Name), $"There is already an intervention called ‘{Name}’: choose another name");

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
