using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Data.LinkCalls;
using Waymark.Domain.LinkCalls;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.LinkCalls;

/// <summary>One agreed action's row on the form; a row left blank is no action.</summary>
public sealed class ActionInput
{
    public string? Description { get; set; }

    public string? Owner { get; set; }

    public DateInput DueOn { get; set; } = new();

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Owner) && DueOn.IsEmpty;
}

/// <summary>
/// Records a fortnightly call or a termly resource allocation meeting: when, who from the school, the children
/// discussed (from the call's list), notes, and up to <see cref="ActionRows"/> agreed actions with owner and date.
/// Nothing is saved while any field is wrong.
/// </summary>
public sealed class ContactModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : LinkSchoolPageModel(db, currentUser, auditor, clock)
{
    public const int ActionRows = 3;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty]
    public DateInput HeldOn { get; set; } = new();

    [BindProperty]
    public string? FromSchool { get; set; }

    [BindProperty]
    public List<Guid> ChildIds { get; set; } = [];

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public List<ActionInput> Actions { get; set; } = [];

    public LinkContactKind ContactKind { get; private set; }

    public IReadOnlyList<CallChild> Candidates { get; private set; } = [];

    public string Title => ContactKind == LinkContactKind.FortnightlyCall ? "Record the call" : "Record the termly resource allocation meeting";

    public IReadOnlyList<ChoiceOption> ChildOptions => Candidates
        .Select(c => new ChoiceOption(c.ChildId.ToString(), c.Name, ChildIds.Contains(c.ChildId), string.Join("; ", c.Reasons.Select(r => r.Text)))).ToList();

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is IActionResult refused)
        {
            return refused;
        }

        HeldOn = DateInput.From(TodayDate);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is IActionResult refused)
        {
            return refused;
        }

        var heldOn = HeldOn.Parse(ModelState, nameof(HeldOn), ContactKind == LinkContactKind.FortnightlyCall ? "the date of the call" : "the date of the meeting");
        if (heldOn is DateOnly h && LinkCallRules.HeldOnProblem(h, TodayDate) is string when)
        {
            ModelState.AddModelError(nameof(HeldOn), when);
        }

        var fromSchool = FromSchool?.Trim();
        if (string.IsNullOrEmpty(fromSchool))
        {
            ModelState.AddModelError(nameof(FromSchool), "Enter who from the school took part");
        }
        else if (fromSchool.Length > LinkCallLimits.Short)
        {
            ModelState.AddModelError(nameof(FromSchool), $"Who from the school must be {LinkCallLimits.Short:N0} characters or fewer");
        }

        var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (notes?.Length > LinkCallLimits.Text)
        {
            ModelState.AddModelError(nameof(Notes), $"Notes must be {LinkCallLimits.Text:N0} characters or fewer");
        }

        var listed = Candidates.Select(c => c.ChildId).ToHashSet();
        var chosen = ChildIds.Distinct().ToList();
        if (chosen.Any(id => !listed.Contains(id)))
        {
            ModelState.AddModelError(nameof(ChildIds), "Choose only children on this school's list");
        }

        var actions = new List<LinkAction>();
        for (var i = 0; i < Actions.Count && i < ActionRows; i++)
        {
            var row = Actions[i];
            if (row.IsBlank)
            {
                continue;
            }

            var prefix = $"Actions[{i}]";
            var label = $"Action {i + 1}";
            var description = row.Description?.Trim();
            var owner = row.Owner?.Trim();
            if (string.IsNullOrEmpty(description))
            {
                ModelState.AddModelError($"{prefix}.Description", $"{label}: enter what was agreed");
            }
            else if (description.Length > LinkCallLimits.Short)
            {
                ModelState.AddModelError($"{prefix}.Description", $"{label}: what was agreed must be {LinkCallLimits.Short:N0} characters or fewer");
            }

            if (string.IsNullOrEmpty(owner))
            {
                ModelState.AddModelError($"{prefix}.Owner", $"{label}: enter who will do it");
            }
            else if (owner.Length > LinkCallLimits.Short)
            {
                ModelState.AddModelError($"{prefix}.Owner", $"{label}: who will do it must be {LinkCallLimits.Short:N0} characters or fewer");
            }

            var due = row.DueOn.Parse(ModelState, $"{prefix}.DueOn", $"the date {label.ToLowerInvariant()} is due");
            if (due is DateOnly d && heldOn is DateOnly held && LinkCallRules.ActionDueProblem(d, held) is string problem)
            {
                ModelState.AddModelError($"{prefix}.DueOn", $"{label}: {problem.ToLowerInvariant()[..1]}{problem[1..]}");
            }

            if (description is not null && owner is not null && due is DateOnly dueOn)
            {
                actions.Add(new LinkAction { Id = Guid.NewGuid(), Description = description, Owner = owner, DueOn = dueOn });
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var contact = new LinkContact
        {
            Id = Guid.NewGuid(), SchoolId = School.Id, Kind = ContactKind, HeldOn = heldOn!.Value, OfficerUserId = CurrentUser.Id, FromSchool = fromSchool!,
            Notes = notes, CreatedAtUtc = UtcNow, Actions = actions,
            Children = chosen.Select(id => new LinkContactChild { ChildId = id }).ToList(),
        };
        Db.LinkContacts.Add(contact);
        var what = $"{LinkCallRules.DisplayName(ContactKind)} with school {urn} on {contact.HeldOn:yyyy-MM-dd}";
        Auditor.Record(AuditActions.LinkContactRecorded, detail: $"{what}: {chosen.Count} child(ren) discussed, {actions.Count} action(s) agreed");
        foreach (var id in chosen)
        {
            Auditor.Record(AuditActions.LinkContactRecorded, id, $"discussed at the {what}");
        }

        await Db.SaveChangesAsync(ct);
        Flash($"{LinkCallRules.DisplayName(ContactKind)} recorded{(ContactKind == LinkContactKind.FortnightlyCall ? $": the next is due {LinkCallRules.NextCall(Link?.LinkedOn ?? contact.HeldOn, contact.HeldOn, TodayDate).DueOn:d MMMM yyyy}" : "")}");
        return Redirect(SchoolPath);
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        if (!Enum.TryParse<LinkContactKind>(Kind ?? nameof(LinkContactKind.FortnightlyCall), out var kind) || !Enum.IsDefined(kind))
        {
            return NotFound();
        }

        ContactKind = kind;
        if (await OpenAsync(urn, LinkCallRules.DisplayName(kind), record: true) is IActionResult refused)
        {
            return refused;
        }

        Candidates = await CallPreparation.ForSchoolAsync(Db, CurrentUser.Scope, School.Id, await LastCallOnAsync(), TodayDate, ct);
        while (Actions.Count < ActionRows)
        {
            Actions.Add(new ActionInput());
        }

        return null;
    }
}
