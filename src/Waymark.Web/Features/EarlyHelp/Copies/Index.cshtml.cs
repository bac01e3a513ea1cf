using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Copies;

/// <summary>
/// Who was given a copy of the plan (or of a review, or of the closure), and when: the family, every professional with an
/// action and the LA's Link Co-ordinator. Only while the family's consent to share is in force.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser) : PlanPageModel(gate)
{
    private const string PageName = "copies of the plan";

    public const string PlanDocument = "The plan";

    public const string ClosureDocument = "Closure of the plan";

    public const string LinkValue = "link-coordinator";

    [BindProperty]
    public List<string> Recipients { get; set; } = [];

    [BindProperty]
    public string? LinkCoordinatorName { get; set; }

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public DateInput SentOn { get; set; } = new();

    public List<Recipient> Suggested { get; private set; } = [];

    public List<string> Documents { get; private set; } = [];

    public List<PlanCopy> Recorded { get; private set; } = [];

    public string? CannotRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync(id);
        What = PlanDocument;
        SentOn = DateInput.From(View.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync(id);
        if (CannotRecord is not null)
        {
            return Page();
        }

        var chosen = Suggested.Where(r => Recipients.Contains(r.Value)).ToList();
        var linkName = string.IsNullOrWhiteSpace(LinkCoordinatorName) ? null : LinkCoordinatorName.Trim();
        if (Recipients.Contains(LinkValue))
        {
            if (linkName is null)
            {
                ModelState.AddModelError(nameof(LinkCoordinatorName), "Enter the name of the LA Link Co-ordinator");
            }
            else if (linkName.Length > EarlyHelpLimits.Name)
            {
                ModelState.AddModelError(nameof(LinkCoordinatorName), $"The Link Co-ordinator's name must be {EarlyHelpLimits.Name} characters or fewer");
            }
            else
            {
                chosen.Add(new Recipient(LinkValue, linkName, "LA Link Co-ordinator", null));
            }
        }
        else if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Recipients), "Select who was given a copy");
        }

        if (What is null || !Documents.Contains(What))
        {
            ModelState.AddModelError(nameof(What), "Select what was sent");
        }

        var sentOn = SentOn.Parse(ModelState, nameof(SentOn), "the date it was sent");
        if (sentOn is DateOnly d && d > View.Today)
        {
            ModelState.AddModelError(nameof(SentOn), "The date it was sent must be today or in the past");
        }

        if (!ModelState.IsValid || sentOn is null || What is null)
        {
            return Page();
        }

        foreach (var r in chosen)
        {
            db.PlanCopies.Add(new PlanCopy
            {
                PlanId = id, RecipientName = r.Name, RecipientRole = r.Role, RecipientUserId = r.UserId, What = What, SentOn = sentOn.Value,
                RecordedByUserId = currentUser.Id,
            });
        }

        Gate.RecordChange(View.Plan, $"{What} sent on {sentOn:yyyy-MM-dd} to {string.Join(", ", chosen.Select(c => c.Name))}");
        await db.SaveChangesAsync();
        Flash(chosen.Count == 1 ? "Copy recorded" : $"{chosen.Count} copies recorded");
        return Redirect($"{PlanPath}#copies");
    }

    private async Task LoadAsync(Guid id)
    {
        var plan = View.Plan;
        CannotRecord = View.HasConsent
            ? null
            : "There is no consent in force to share this family's information, so no copies can be sent or recorded.";
        Recorded = await db.PlanCopies.AsNoTracking().Where(c => c.PlanId == id).OrderBy(c => c.SentOn).ThenBy(c => c.Id).ToListAsync();
        var reviews = await db.TafReviews.AsNoTracking().Where(r => r.PlanId == id).OrderBy(r => r.HeldOn).Select(r => r.HeldOn).ToListAsync();
        Documents = [PlanDocument, .. reviews.Select(r => $"Review of {EarlyHelpText.Date(r)}")];
        if (plan.ClosedOn is not null)
        {
            Documents.Add(ClosureDocument);
        }

        Suggested = [.. plan.Members.Where(m => !m.Unborn).OrderBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new Recipient($"member-{m.Id}", m.Name, $"Family member ({m.Relationship})", null))];

        var userIds = plan.Actions.Where(a => a.ResponsibleUserId is not null).Select(a => a.ResponsibleUserId!).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        foreach (var userId in userIds.Where(users.ContainsKey).OrderBy(u => users[u], StringComparer.Ordinal))
        {
            Suggested.Add(new Recipient($"user-{userId}", users[userId], "Professional with an action", userId));
        }

        var others = plan.Actions.Where(a => a.ResponsibleUserId is null).Select(a => a.Who.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            Suggested.Add(new Recipient($"who-{i + 1}", others[i], "Professional with an action", null));
        }
    }

    public IReadOnlyList<ChoiceOption> RecipientOptions =>
        [.. Suggested.Select(r => new ChoiceOption(r.Value, r.Name, Recipients.Contains(r.Value), r.Role)),
            new(LinkValue, "The LA Link Co-ordinator", Recipients.Contains(LinkValue), "Give their name below")];

    public IReadOnlyList<SelectOption> DocumentOptions => [.. Documents.Select(d => new SelectOption(d, d, d == What))];

    public sealed record Recipient(string Value, string Name, string Role, string? UserId);
}
