using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Close;

/// <summary>
/// Closing a plan because universal services can now meet the family's needs, with the plan the family keeps:
/// "Maintaining Our Family Plan" (002:L6740-L6790). Also where a review that closed the plan for that reason sends the
/// practitioner to write it.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser, TimeProvider clock) : PlanPageModel(gate)
{
    private const string PageName = "close with a maintenance plan";

    /// <summary>The seven questions of the form, in its order: property name, then the question.</summary>
    public static IReadOnlyList<(string Field, string Question)> Questions { get; } =
    [
        (nameof(WhatWeLearnt), "What we learnt"),
        (nameof(MostUseful), "What was most useful"),
        (nameof(ActionsToMaintainProgress), "What actions we need to continue to maintain progress"),
        (nameof(DifficultSituations), "Situations we may find difficult in the future"),
        (nameof(IfThingsBecomeChallenging), "What we can do if things are starting to become challenging"),
        (nameof(WhoWeCanContact), "Who we can contact if we need support"),
        (nameof(KeyContacts), "Key contact numbers and names of support"),
    ];

    [BindProperty]
    public DateInput FinalReviewOn { get; set; } = new();

    [BindProperty]
    public string? WhatWeLearnt { get; set; }

    [BindProperty]
    public string? MostUseful { get; set; }

    [BindProperty]
    public string? ActionsToMaintainProgress { get; set; }

    [BindProperty]
    public string? DifficultSituations { get; set; }

    [BindProperty]
    public string? IfThingsBecomeChallenging { get; set; }

    [BindProperty]
    public string? WhoWeCanContact { get; set; }

    [BindProperty]
    public string? KeyContacts { get; set; }

    public string? CannotClose { get; private set; }

    /// <summary>A review already closed the plan; this only adds the maintenance plan.</summary>
    public bool AlreadyClosed => View.Plan.Stage == PlanStage.Closed;

    private DateOnly? _lastReviewOn;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync();
        FinalReviewOn = DateInput.From(AlreadyClosed ? View.Plan.ClosedOn : View.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync();
        if (CannotClose is not null)
        {
            return Page();
        }

        var plan = View.Plan;
        var date = FinalReviewOn.Parse(ModelState, nameof(FinalReviewOn), "the date of the final review");
        if (date is DateOnly d && ReviewSchedule.DateProblem(d, plan.AgreedOn ?? d, _lastReviewOn, View.Today) is string problem)
        {
            ModelState.AddModelError(nameof(FinalReviewOn), problem.Replace("The review date", "The date of the final review", StringComparison.Ordinal));
        }

        var answers = Questions.ToDictionary(q => q.Field, q => Answer(q.Field, q.Question));
        if (!ModelState.IsValid || date is null)
        {
            return Page();
        }

        db.MaintenancePlans.Add(new MaintenancePlan
        {
            PlanId = plan.Id, FinalReviewOn = date.Value, WhatWeLearnt = answers[nameof(WhatWeLearnt)]!, MostUseful = answers[nameof(MostUseful)]!,
            ActionsToMaintainProgress = answers[nameof(ActionsToMaintainProgress)]!, DifficultSituations = answers[nameof(DifficultSituations)]!,
            IfThingsBecomeChallenging = answers[nameof(IfThingsBecomeChallenging)]!, WhoWeCanContact = answers[nameof(WhoWeCanContact)]!,
            KeyContacts = answers[nameof(KeyContacts)]!,
        });
        if (AlreadyClosed)
        {
            Gate.RecordChange(plan, $"maintenance plan written (final review {EarlyHelpText.Date(date.Value)})");
        }
        else
        {
            plan.Stage = PlanStage.Closed;
            plan.ClosedOn = date.Value;
            plan.ClosureReason = ClosureReason.NeedsMetByUniversalServices;
            plan.ReviewDueOn = null;
            var told = ClosureNotices.Add(db, plan, currentUser.Id, date.Value, ClosureReason.NeedsMetByUniversalServices, clock.GetUtcNow().UtcDateTime);
            Gate.RecordChange(plan, $"closed on {EarlyHelpText.Date(date.Value)}: needs met by universal services, with a maintenance plan; {told} professionals told");
        }

        await db.SaveChangesAsync();
        Flash(AlreadyClosed ? "The family's maintenance plan is saved" : "The plan is closed and the family's maintenance plan saved");
        return Redirect($"/early-help/{id}#closure");
    }

    private async Task LoadAsync()
    {
        var plan = View.Plan;
        var hasMaintenancePlan = await db.MaintenancePlans.AnyAsync(m => m.PlanId == plan.Id);
        _lastReviewOn = await db.TafReviews.Where(r => r.PlanId == plan.Id).MaxAsync(r => (DateOnly?)r.HeldOn);
        CannotClose = plan.Stage switch
        {
            _ when hasMaintenancePlan => "This family's maintenance plan has already been written.",
            PlanStage.Active => null,
            PlanStage.Closed when plan.ClosureReason == ClosureReason.NeedsMetByUniversalServices => null,
            PlanStage.Closed => "This plan is closed, and not because universal services meet the family's needs, so it has no maintenance plan.",
            PlanStage.Assessment => "This plan has not been agreed yet. To close it, record why on the plan's review once it is active.",
            _ => $"This plan is {PlanText.Stage(plan.Stage).ToLowerInvariant()}, so it cannot be closed with a maintenance plan.",
        };
    }

    private string? Answer(string field, string question)
    {
        var value = GetType().GetProperty(field)!.GetValue(this) as string;
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, $"Enter {char.ToLowerInvariant(question[0])}{question[1..]}");
            return null;
        }

        if (value.Trim().Length > EarlyHelpLimits.Text)
        {
            ModelState.AddModelError(field, $"{question} must be {EarlyHelpLimits.Text} characters or fewer");
        }

        return value.Trim();
    }

    public string? Value(string field) => GetType().GetProperty(field)!.GetValue(this) as string;
}
