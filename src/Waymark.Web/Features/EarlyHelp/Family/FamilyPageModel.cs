using Microsoft.AspNetCore.Mvc;

namespace Waymark.Web.Features.EarlyHelp.Family;

/// <summary>
/// Base for the pages that change the family, consent and people of a plan: a closed plan, or one without consent to
/// share, is answered 403 with a page that says why, rather than a form that could not be saved.
/// </summary>
public abstract class FamilyPageModel(EarlyHelpGate gate) : PlanPageModel(gate)
{
    /// <summary>Why the plan cannot be changed; the page shows this instead of its form.</summary>
    public string? CannotEdit { get; private set; }

    /// <param name="needsConsent">False for the page that records consent: it is how a plan without consent gets it back.</param>
    protected async Task<IActionResult?> OpenForChangeAsync(Guid id, string page, bool needsConsent = true)
    {
        if (await OpenAsync(id, page, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        if (!View.IsOpen)
        {
            CannotEdit = "This plan is closed, so it cannot be changed.";
        }
        else if (needsConsent && !View.HasConsent)
        {
            CannotEdit = "There is no consent in force to share this family's information with those supporting the plan. Record the family's consent before changing the plan.";
        }

        if (CannotEdit is null)
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Adds an error when <paramref name="value"/> is longer than the column holds.</summary>
    protected void Limit(string key, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            ModelState.AddModelError(key, $"{what} must be {max} characters or fewer");
        }
    }
}
