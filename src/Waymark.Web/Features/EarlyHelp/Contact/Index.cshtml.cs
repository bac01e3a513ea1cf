using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Web.Features.EarlyHelp.Family;

namespace Waymark.Web.Features.EarlyHelp.Contact;

/// <summary>The family's address, phone and email, and what helps in working with them (interpreter, carers, preferred contact).</summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate) : FamilyPageModel(gate)
{
    private const string PageName = "family contact details";

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? UsefulInformation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        Address = View.Plan.Address;
        Phone = View.Plan.Phone;
        Email = View.Plan.Email;
        UsefulInformation = View.Plan.UsefulInformation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenForChangeAsync(id, PageName) is IActionResult r)
        {
            return r;
        }

        var address = Clean(Address);
        var phone = Clean(Phone);
        var email = Clean(Email);
        var useful = Clean(UsefulInformation);
        Limit(nameof(Address), address, EarlyHelpLimits.Short, "The address");
        Limit(nameof(Phone), phone, 50, "The phone number");
        Limit(nameof(Email), email, EarlyHelpLimits.Name, "The email address");
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), "Enter the family's email address in the correct format, like name@example.org");
        }

        Limit(nameof(UsefulInformation), useful, EarlyHelpLimits.Text, "Useful information");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var plan = View.Plan;
        plan.Address = address;
        plan.Phone = phone;
        plan.Email = email;
        plan.UsefulInformation = useful;
        Gate.RecordChange(plan, "family contact details changed");
        await db.SaveChangesAsync();
        Flash("Contact details saved");
        return Redirect($"{PlanPath}#family");
    }
}
