using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Programme.Interventions;

public sealed class NewModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor) : InterventionFormModel(db, currentUser)
{
    public IActionResult OnGet() => CanManage ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await ValidateAsync(null))
        {
            return Page();
        }

        var intervention = new Intervention { Name = Name!, Description = Description, DefaultProvider = DefaultProvider, OutcomeMeasure = OutcomeMeasure };
        Db.Interventions.Add(intervention);
        auditor.Record(AuditActions.ProgrammeChanged, detail: $"Intervention added: {Name}");
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            NameTaken();
            return Page();
        }

        Flash($"{Name} added to the interventions");
        return Redirect("/transition/interventions");
    }
}
