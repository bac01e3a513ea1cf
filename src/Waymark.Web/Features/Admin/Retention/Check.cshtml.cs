using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Retention;
using Waymark.Domain.Retention;
using Waymark.Web.Retention;

namespace Waymark.Web.Features.Admin.Retention;

/// <summary>Check your answers before deleting: the records chosen on the retention page, then one all-or-nothing deletion.</summary>
public sealed class CheckModel(RetentionReport report, RetentionDeleter deleter, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    [BindProperty]
    public bool All { get; set; }

    public IReadOnlyList<RetentionItem> Chosen { get; private set; } = [];

    public RetentionPeriods Periods { get; private set; } = RetentionPeriods.Default;

    public IActionResult OnGet() => Redirect("/admin/retention");

    /// <summary>From the retention page: the records to check.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        return Chosen.Count == 0 ? Redirect("/admin/retention?problem=none-chosen") : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var result = await deleter.DeleteAsync(Selected, Today(clock), "the Waymark website", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            Flash($"{Describe(result.ChildRecords, "child's record", "children's records")} and {Describe(result.RegisterYears, "attendance register year", "attendance register years")} deleted");
            return Redirect("/admin/retention");
        }

        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError("", problem);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Periods = await report.PeriodsAsync();
        var due = (await report.DueAsync(Today(clock))).Where(i => i.Action == RetentionAction.Delete);
        Chosen = All ? due.ToList() : due.Where(i => Selected.Contains(i.Key)).ToList();
        Selected = Chosen.Select(i => i.Key).ToList();
    }

    private static string Describe(int count, string one, string many) =>
        count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " " + (count == 1 ? one : many);
}
