using Microsoft.AspNetCore.Mvc;

namespace Waymark.Web.Features.Transitions;

/// <summary>Base for pages about one child's transition: <see cref="View"/> is set once <see cref="OpenAsync"/> lets the user in.</summary>
public abstract class TransitionPageModel(TransitionGate gate) : WaymarkPageModel
{
    protected TransitionGate Gate => gate;

    public TransitionView View { get; private set; } = null!;

    public string ChildName => View.Child.KnownAsName;

    /// <summary>
    /// Null when the user may go on; otherwise the result to return: 404 when the transition is
    /// unknown or out of scope, 403 when <paramref name="allowed"/> says no.
    /// </summary>
    protected async Task<IActionResult?> OpenAsync(Guid id, string page, Func<Waymark.Domain.Transitions.TransitionRights, bool>? allowed = null,
        bool tracking = false)
    {
        var view = await gate.OpenAsync(id, page, tracking);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (allowed is not null && !allowed(view.Rights))
        {
            await gate.RefuseAsync(view, page);
            return Forbid();
        }

        return null;
    }
}
