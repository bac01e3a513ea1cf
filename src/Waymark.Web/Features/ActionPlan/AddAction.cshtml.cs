using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.ActionPlan;

/// <summary>Adds an action to the plan, numbered as the LA numbers it. LA administrators and officers only.</summary>
public sealed class AddActionModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor)
    : ActionPlanPageModel(db, currentUser, auditor)
{
    public const string NumberField = "number";

    [BindProperty(Name = NumberField)]
    public string? Number { get; set; }

    [BindProperty(Name = ActionModel.TitleField)]
    public string? ActionTitle { get; set; }

    [BindProperty(Name = ActionModel.PriorityField)]
    public string? Priority { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await RefuseUnlessAsync(edit: true, "Add an action") ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessAsync(edit: true, "Add an action") is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        int number = 0;
        if (string.IsNullOrWhiteSpace(Number))
        {
            ModelState.AddModelError(NumberField, "Enter the action's number");
        }
        else if (!int.TryParse(Number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 999)
        {
            ModelState.AddModelError(NumberField, "The action's number must be a whole number from 1 to 999");
        }
        else if (await Db.PlanActions.AnyAsync(a => a.Number == number))
        {
            ModelState.AddModelError(NumberField, $"There is already an action {number}");
        }

        var title = ActionTitle?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError(ActionModel.TitleField, "Enter the action");
        }
        else if (title.Length > 1000)
        {
            ModelState.AddModelError(ActionModel.TitleField, "The action must be 1000 characters or fewer");
        }

        if (!Enum.TryParse<ActionPriority>(Priority, out var priority) || !Enum.IsDefined(priority) || int.TryParse(Priority, out _))
        {
            ModelState.AddModelError(ActionModel.PriorityField, "Select the heading the action comes under");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var action = Db.PlanActions.Add(new PlanAction { Number = number, Title = title!, Priority = priority }).Entity;
        Auditor.Record(AuditActions.ActionPlanChanged, detail: $"Action {number} added");
        await Db.SaveChangesAsync();
        Flash($"Action {number} has been added");
        return Redirect($"/action-plan/actions/{action.Id}");
    }

    public TextField NumberText => new(NumberField, "Number", Number, ErrorFor(NumberField), "As the plan numbers it", CssClass: "govuk-input--width-3", InputMode: "numeric");

    public TextField TitleText => new(ActionModel.TitleField, "Action", ActionTitle, ErrorFor(ActionModel.TitleField));

    public RadiosField PriorityRadios => new(ActionModel.PriorityField, "Heading", ActionPlanRules.Priorities
        .Select(p => new ChoiceOption(p.ToString(), ActionPlanRules.PriorityName(p), p.ToString() == Priority)).ToList(), ErrorFor(ActionModel.PriorityField));
}
