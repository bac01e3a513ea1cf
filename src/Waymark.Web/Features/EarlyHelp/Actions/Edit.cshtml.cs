using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Actions;

/// <summary>
/// A SMART action on the plan: new ("new") or one already agreed (its id). Naming a Waymark user makes them, and their
/// school, contributors who see the plan.
/// </summary>
public sealed class EditModel(WaymarkDbContext db, EarlyHelpGate gate) : PlanPageModel(gate)
{
    private const string PageName = "action";

    [BindProperty]
    public string? Aspect { get; set; }

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Who { get; set; }

    [BindProperty]
    public string? ResponsibleEmail { get; set; }

    [BindProperty]
    public DateInput ByWhen { get; set; } = new();

    [BindProperty]
    public string? HopedDifference { get; set; }

    [BindProperty]
    public string? Readiness { get; set; }

    public EarlyHelpAction? Existing { get; private set; }

    public bool IsNew => Existing is null;

    public string? CannotChange { get; private set; }

    public IReadOnlyList<(AspectOfLife Aspect, int Lowest)> Suggested { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string actionId, string? aspect)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        if (!Find(actionId))
        {
            return NotFound();
        }

        CannotChange = WhyNot();
        if (Existing is EarlyHelpAction a)
        {
            Aspect = AspectsOfLife.Key(a.Aspect);
            What = a.What;
            Who = a.Who;
            ByWhen = DateInput.From(a.ByWhen);
            HopedDifference = a.HopedDifference;
            Readiness = a.Readiness.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (a.ResponsibleUserId is string userId)
            {
                ResponsibleEmail = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync();
            }
        }
        else
        {
            Aspect = AspectsOfLife.FromKey(aspect) is AspectOfLife chosen ? AspectsOfLife.Key(chosen) : null;
            Suggested = PlanScores.Suggestions(await PlanScores.LatestAsync(db, View.Plan));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string actionId)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        if (!Find(actionId))
        {
            return NotFound();
        }

        CannotChange = WhyNot();
        if (CannotChange is not null)
        {
            return Page();
        }

        var aspect = AspectsOfLife.FromKey(Aspect);
        if (aspect is null)
        {
            ModelState.AddModelError(nameof(Aspect), "Select the aspect of life the action is for");
        }

        var what = Required(nameof(What), What, "Enter what action has been agreed, and for whom", EarlyHelpLimits.Text, "What action has been agreed");
        var who = Required(nameof(Who), Who, "Enter who will do it", EarlyHelpLimits.Name, "Who will do it");
        var hoped = Required(nameof(HopedDifference), HopedDifference, "Enter the difference the family hopes it will make", EarlyHelpLimits.Text, "The difference hoped for");
        var byWhen = ByWhen.Parse(ModelState, nameof(ByWhen), "the date it will be done by");
        if (byWhen is DateOnly due && due < View.Today && (IsNew || due != Existing!.ByWhen))
        {
            ModelState.AddModelError(nameof(ByWhen), "The date it will be done by must be today or in the future");
        }

        int? readiness = int.TryParse(Readiness, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : null;
        if (!string.IsNullOrWhiteSpace(Readiness) && readiness is null)
        {
            ModelState.AddModelError(nameof(Readiness), "Readiness to change must be a whole number from 1 to 5");
        }
        else if (ReadinessToChange.Problem(readiness) is string problem)
        {
            ModelState.AddModelError(nameof(Readiness), problem);
        }

        var responsible = await ResponsibleAsync();
        if (!ModelState.IsValid || aspect is null || what is null || who is null || hoped is null || byWhen is null || readiness is null)
        {
            return Page();
        }

        var action = Existing ?? new EarlyHelpAction { PlanId = id, What = what, Who = who, HopedDifference = hoped, State = ActionState.Open };
        action.Aspect = aspect.Value;
        action.What = what;
        action.Who = who;
        action.HopedDifference = hoped;
        action.ByWhen = byWhen.Value;
        action.Readiness = readiness.Value;
        action.ResponsibleUserId = responsible?.Id;
        action.ResponsibleSchoolId = responsible?.SchoolId;
        if (IsNew)
        {
            db.EarlyHelpActions.Add(action);
        }

        Gate.RecordChange(View.Plan, $"action {(IsNew ? "added" : "changed")} for {AspectsOfLife.DisplayName(aspect.Value)}: {who}"
            + (responsible is null ? "" : $" (user {responsible.Id})"));
        await db.SaveChangesAsync();
        Flash(IsNew ? "Action added" : "Action changed");
        return Redirect($"{PlanPath}#actions");
    }

    private bool Find(string actionId)
    {
        if (actionId == "new")
        {
            return true;
        }

        Existing = int.TryParse(actionId, out var n) ? View.Plan.Actions.FirstOrDefault(a => a.Id == n) : null;
        return Existing is not null;
    }

    private string? WhyNot() => PlanChanges.WhyNot(View, "the action plan");

    private async Task<WaymarkUser?> ResponsibleAsync()
    {
        var email = ResponsibleEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        var normalised = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalised && u.IsActive);
        if (user is null)
        {
            ModelState.AddModelError(nameof(ResponsibleEmail), $"No one with a Waymark account has the email {email}: leave it blank, or check it");
            return null;
        }

        if (!EarlyHelpAccess.CanStartPlan(user.Role))
        {
            ModelState.AddModelError(nameof(ResponsibleEmail), $"{user.DisplayName} is a {Waymark.Domain.People.Roles.DisplayName(user.Role)} and cannot work on a family's plan");
            return null;
        }

        return user;
    }

    private string? Required(string key, string? value, string missing, int max, string what)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            ModelState.AddModelError(key, missing);
        }
        else if (text.Length > max)
        {
            ModelState.AddModelError(key, $"{what} must be {max} characters or fewer");
        }

        return text;
    }

    public IReadOnlyList<SelectOption> AspectOptions =>
    [
        new("", "Select an aspect of life", string.IsNullOrEmpty(Aspect)),
        .. AspectsOfLife.All.Select(a => new SelectOption(AspectsOfLife.Key(a), AspectsOfLife.DisplayName(a), Aspect == AspectsOfLife.Key(a))),
    ];

    public IReadOnlyList<ChoiceOption> ReadinessOptions => ReadinessToChange.Values
        .Select(v => new ChoiceOption(v.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{v} – {ReadinessToChange.Label(v)}",
            Readiness == v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}
