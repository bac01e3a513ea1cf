using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Retention;
using Waymark.Domain.Retention;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Admin.Retention;

public sealed record RetentionCount(RetentionRecordType Type, int Delete, int Held, int Review);

/// <summary>What the retention rules make due: records to delete (chosen here), held past their date, and due for review.</summary>
public sealed class IndexModel(RetentionReport report, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    /// <summary>More records due than this are counted in full but listed only in part (the command line lists all).</summary>
    public const int Listed = 500;

    public RetentionPeriods Periods { get; private set; } = RetentionPeriods.Default;

    public DateOnly TodayDate { get; private set; }

    public IReadOnlyList<RetentionCount> Counts { get; private set; } = [];

    public IReadOnlyList<RetentionItem> ToDelete { get; private set; } = [];

    public int ToDeleteCount { get; private set; }

    public IReadOnlyList<RetentionItem> Held { get; private set; } = [];

    public IReadOnlyList<RetentionItem> ToReview { get; private set; } = [];

    /// <summary>Set when the check page was reached with nothing chosen.</summary>
    [BindProperty(SupportsGet = true, Name = "problem")]
    public string? Problem { get; set; }

    public async Task OnGetAsync()
    {
        TodayDate = Today(clock);
        Periods = await report.PeriodsAsync();
        var items = await report.DueAsync(TodayDate);
        Counts = RetentionRules.All.Select(t => new RetentionCount(t,
            items.Count(i => i.Type == t && i.Action == RetentionAction.Delete),
            items.Count(i => i.Type == t && i.Action == RetentionAction.Held),
            items.Count(i => i.Type == t && i.Action == RetentionAction.Review))).ToList();
        var delete = items.Where(i => i.Action == RetentionAction.Delete).ToList();
        ToDeleteCount = delete.Count;
        ToDelete = delete.Take(Listed).ToList();
        Held = items.Where(i => i.Action == RetentionAction.Held).Take(Listed).ToList();
        ToReview = items.Where(i => i.Action == RetentionAction.Review).Take(Listed).ToList();
        if (Problem == "none-chosen")
        {
            ModelState.AddModelError("Selected", "Select the records to delete");
        }

        await auditor.RecordNowAsync(AuditActions.RetentionReportProduced,
            detail: string.Create(System.Globalization.CultureInfo.InvariantCulture, $"as of {TodayDate:yyyy-MM-dd}: {items.Count} records (retention page)"));
    }
}
