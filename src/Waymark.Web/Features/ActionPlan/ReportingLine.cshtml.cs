using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using Waymark.Data.Entities;

namespace Waymark.Web.Features.ActionPlan;

/// <summary>Which group monitors the plan and which board it reports to termly: one setting for the plan.</summary>
public sealed class ReportingLineModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor)
    : ActionPlanPageModel(db, currentUser, auditor)
{
    public const string GroupField = "group";
    public const string BoardField = "board";

    [BindProperty(Name = GroupField)]
    public string? Group { get; set; }

    [BindProperty(Name = BoardField)]
    public string? Board { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessAsync(edit: true, "Reporting line") is { } refused)
        {
            return refused;
        }

        var settings = await SettingsAsync();
        Group = settings.MonitoringGroup;
        Board = settings.ReportsTo;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessAsync(edit: true, "Reporting line") is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Check(Group, GroupField, "the group that monitors the plan");
        Check(Board, BoardField, "the board the group reports to");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var settings = await Db.ActionPlanSettings.OrderBy(s => s.Id).FirstOrDefaultAsync()
            ?? Db.ActionPlanSettings.Add(Defaults()).Entity;
        settings.MonitoringGroup = Group!.Trim();
        settings.ReportsTo = Board!.Trim();
        Auditor.Record(AuditActions.ActionPlanChanged, detail: $"Reporting line: {settings.MonitoringGroup} reports to {settings.ReportsTo}");
        await Db.SaveChangesAsync();
        Flash("The reporting line has been saved");
        return Redirect("/action-plan");
    }

    public TextField GroupText => new(GroupField, "Group that monitors the plan", Group, ErrorFor(GroupField));

    public TextField BoardText => new(BoardField, "Board it reports to termly", Board, ErrorFor(BoardField));

    private void Check(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, $"Enter {what}");
        }
        else if (value.Trim().Length > 200)
        {
            ModelState.AddModelError(field, $"The name of {what} must be 200 characters or fewer");
        }
    }
}
