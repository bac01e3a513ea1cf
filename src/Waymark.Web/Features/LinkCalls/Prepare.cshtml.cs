using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.LinkCalls;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>Prepares the fortnightly call: the school's children on the LA's lists, what changed since the last call, and the actions still open.</summary>
public sealed class PrepareModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : LinkSchoolPageModel(db, currentUser, auditor, clock)
{
    public DateOnly? LastCallOn { get; private set; }

    public IReadOnlyList<CallChild> Children { get; private set; } = [];

    public IReadOnlyList<OpenLinkAction> OpenActions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await OpenAsync(urn, "call preparation", record: true) is IActionResult refused)
        {
            return refused;
        }

        LastCallOn = await LastCallOnAsync();
        Children = await CallPreparation.ForSchoolAsync(Db, CurrentUser.Scope, School.Id, LastCallOn, TodayDate, ct);
        OpenActions = await LinkWorklist.OpenActionsAsync(Db, null, School.Id, TodayDate, ct);
        await Auditor.RecordNowAsync(AuditActions.LinkSchoolViewed,
            detail: $"call preparation for school {urn}: {Children.Count} children, {Children.Count(c => c.HasNews)} with news since the last call", ct: ct);
        return Page();
    }
}
