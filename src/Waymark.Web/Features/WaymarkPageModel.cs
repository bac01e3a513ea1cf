using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waymark.Web.Features;

public abstract class WaymarkPageModel : PageModel
{
    /// <summary>The first error recorded against a field, for the GOV.UK error message under it.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The success message shown once after the redirect that follows a change (see Shared/_Flash.cshtml).</summary>
    protected void Flash(string message) => TempData["Flash"] = message;

    protected static DateOnly Today(TimeProvider clock) => Hosting.UkClock.UkToday(clock);
}
