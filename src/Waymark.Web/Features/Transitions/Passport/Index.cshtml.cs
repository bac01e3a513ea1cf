using Microsoft.AspNetCore.Mvc;
using Waymark.Data;

namespace Waymark.Web.Features.Transitions.Passport;

/// <summary>The Transition Passport as a web page, laid out to print on one sheet.</summary>
public sealed class IndexModel(WaymarkDbContext db, TransitionGate gate) : TransitionPageModel(gate)
{
    public TransitionPassport Passport { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "passport", r => r.SeeShareable) is IActionResult refused)
        {
            return refused;
        }

        Passport = await PassportQuery.LoadAsync(db, View);
        return Page();
    }
}
