using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Send;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Send;

/// <summary>The SEN team's worklist (a SENCo's: their school's), every statutory step due, overdue ones first.</summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public IReadOnlyList<SendWorkItem> Items { get; private set; } = [];

    public bool WholeCohort { get; private set; }

    public DateOnly TodayDate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!SendAccess.CanView(currentUser.Role))
        {
            await auditor.RecordNowAsync(AuditActions.SendWorklistViewed, detail: "refused: the role does not work on SEND");
            return Forbid();
        }

        TodayDate = Today(clock);
        WholeCohort = SendAccess.SeesWholeCohort(currentUser.Role);
        Items = await SendWorklist.ForAsync(db, currentUser.Scope, TodayDate);
        await auditor.RecordNowAsync(AuditActions.SendWorklistViewed,
            detail: $"SEN worklist: {Items.Count} steps for {Items.Select(i => i.ChildId).Distinct().Count()} children, {Items.Count(i => i.Overdue)} overdue");
        return Page();
    }
}
