using Microsoft.AspNetCore.Mvc;

namespace Waymark.Web.Features.EarlyHelp;

/// <summary>Base for pages about one family's plan: <see cref="View"/> is set once <see cref="OpenAsync"/> lets the user in.</summary>
public abstract class PlanPageModel(EarlyHelpGate gate) : WaymarkPageModel
{
    protected EarlyHelpGate Gate => gate;

    public PlanView View { get; private set; } = null!;

    public string FamilyName => View.Plan.FamilyName;

    public string PlanPath => $"/early-help/{View.Plan.Id}";

    /// <summary>
    /// Null when the user may go on; otherwise the result to return: 404 when the plan is unknown or out of scope, 403
    /// when the page changes the plan and the user's relationship to it does not allow that (<paramref name="changes"/>).
    /// Whether the plan itself can still change (open, with consent) each page decides, as <see cref="PlanView.CanEdit"/> says.
    /// </summary>
    protected async Task<IActionResult?> OpenAsync(Guid id, string page, bool changes = false, bool tracking = false)
    {
        var view = await gate.OpenAsync(id, page, tracking);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (changes && !view.CanChange)
        {
            await gate.RefuseAsync(view, page);
            return Forbid();
        }

        return null;
    }
}
