using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Web.Features.EarlyHelp.Family;

namespace Waymark.Web.Features.EarlyHelp.Services;

/// <summary>"Who else is working with our family?": another service, how to reach them, and who they support and how.</summary>
public sealed class NewModel(WaymarkDbContext db, EarlyHelpGate gate) : FamilyPageModel(gate)
{
    private const string PageName = "other services";

    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? WhoAndHow { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await OpenForChangeAsync(id, PageName) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        var service = Required(nameof(Service), Service, "Enter the service, for example Health visiting", EarlyHelpLimits.Name, "The service");
        var contact = Required(nameof(Contact), Contact, "Enter the name and contact details of the person at the service", EarlyHelpLimits.Short, "The name and contact details");
        var who = Required(nameof(WhoAndHow), WhoAndHow, "Enter who in the family the service supports, and how", EarlyHelpLimits.Text, "Who they support and how");
        if (!ModelState.IsValid || service is null || contact is null || who is null)
        {
            return Page();
        }

        db.Set<OtherService>().Add(new OtherService { PlanId = id, Service = service, Contact = contact, WhoAndHow = who });
        Gate.RecordChange(View.Plan, $"other service added: {service}");
        await db.SaveChangesAsync();
        Flash($"{service} added to the services working with the family");
        return Redirect($"{PlanPath}#services");
    }

    /// <summary>Removes a service that no longer works with the family (the button on the plan's overview).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int serviceId)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        if (await db.Set<OtherService>().FindAsync(serviceId) is not OtherService service || service.PlanId != id)
        {
            return NotFound();
        }

        db.Set<OtherService>().Remove(service);
        Gate.RecordChange(View.Plan, $"other service removed: {service.Service}");
        await db.SaveChangesAsync();
        Flash($"{service.Service} removed from the services working with the family");
        return Redirect($"{PlanPath}#services");
    }

    private string? Required(string key, string? value, string missing, int max, string what)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            ModelState.AddModelError(key, missing);
        }

        Limit(key, clean, max, what);
        return clean;
    }
}
