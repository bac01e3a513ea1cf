using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Send;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Send;

namespace Waymark.Web.Features.Adulthood;

/// <summary>A joint panel case as the young person's page lists it.</summary>
public sealed record PanelCaseRow(int PanelId, DateOnly MeetsOn, string Reason, string? Decision, string? Actions, string? ActionsOwner, DateOnly? ActionsDueOn);

/// <summary>Where the young person's EHC plan reviews stand, from the EHC pathway's own reading (<see cref="SendCase"/>).</summary>
public sealed record EhcReviewSummary(DateOnly PlanSince, EhcAnnualReview? Last, DateOnly NextDueOn, bool NextOverdue, bool MustConsiderAdulthood);

/// <summary>
/// A young person's preparing for adulthood checklist, their EHC plan reviews (which from Year 9 must consider preparing
/// for adulthood), their joint panel cases and a way to their care leaver details.
/// </summary>
public sealed class ChecklistModel(WaymarkDbContext db, AdulthoodGate gate) : YoungPersonPageModel(gate)
{
    public IReadOnlyList<ChecklistRow> Rows { get; private set; } = [];

    public int CompletionPercent { get; private set; }

    public bool CanChange { get; private set; }

    public bool CanSeeCareLeaver { get; private set; }

    public bool CanSeePanels { get; private set; }

    public Waymark.Domain.People.Role UserRole => Gate.Role;

    public IReadOnlyList<PanelCaseRow> PanelCases { get; private set; } = [];

    /// <summary>Null unless the young person has an EHC plan in force.</summary>
    public EhcReviewSummary? EhcReviews { get; private set; }

    /// <summary>Only the roles that work on SEND may open the EHC pathway page itself.</summary>
    public bool CanOpenEhcPathway { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "checklist") is IActionResult refused)
        {
            return refused;
        }

        var saved = await db.PfaChecklistItems.AsNoTracking().Where(i => i.ChildId == id).ToListAsync();
        Rows = ChecklistRow.For(Child.DateOfBirth, saved, Person.Today);
        CompletionPercent = PfaChecklist.CompletionPercent(Rows.Select(r => r.Status));
        CanChange = AdulthoodAccess.CanChangeChecklist(Gate.Role) && Person.InPfaYears;
        CanSeeCareLeaver = AdulthoodAccess.CanViewCareLeaver(Gate.Role)
            && (Person.IsCareLeaver || await db.CareLeaverDetails.AnyAsync(d => d.ChildId == id));
        CanSeePanels = AdulthoodAccess.CanViewPanels(Gate.Role);
        if (Person.HasEhcPlan)
        {
            var send = await SendCase.LoadAsync(db, id, Person.Today);
            if (send is { CurrentPlan: { } plan, ReviewDueOn: DateOnly next })
            {
                EhcReviews = new EhcReviewSummary(plan.StartDate, send.Reviews.FirstOrDefault(r => r.MeetingOn >= plan.StartDate), next,
                    EhcTimescales.IsOverdue(next, Person.Today), PfaFollowUp.ReviewMustConsiderAdulthood(Child.DateOfBirth, next));
                CanOpenEhcPathway = SendAccess.CanView(Gate.Role);
            }
        }

        if (CanSeePanels)
        {
            PanelCases = await db.JointPanelCases.AsNoTracking().Where(c => c.ChildId == id)
                .OrderByDescending(c => c.Panel!.MeetsOn)
                .Select(c => new PanelCaseRow(c.PanelId, c.Panel!.MeetsOn, c.Reason, c.Decision, c.Actions, c.ActionsOwner, c.ActionsDueOn))
                .ToListAsync();
        }

        await Gate.RecordNowAsync(AuditActions.PfaViewed, id, "checklist");
        return Page();
    }
}
