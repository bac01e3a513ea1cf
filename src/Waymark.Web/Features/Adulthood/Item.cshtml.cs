using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Adulthood;

/// <summary>
/// Records one checklist item: status, owner, due date and evidence, with the Adult Social Care outcome or the programme's
/// dates for the items that have them. Every problem is shown at once and nothing is saved until all are put right.
/// </summary>
public sealed class ItemModel(WaymarkDbContext db, AdulthoodGate gate, TimeProvider clock) : YoungPersonPageModel(gate)
{
    public PfaItem Item { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public DateInput DueOn { get; set; } = new();

    [BindProperty]
    public string? EvidenceNote { get; set; }

    [BindProperty]
    public string? AscOutcome { get; set; }

    [BindProperty]
    public DateInput ProgrammeStart { get; set; } = new();

    [BindProperty]
    public DateInput ProgrammeEnd { get; set; } = new();

    [BindProperty]
    public string? RetainedEmployment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string item)
    {
        if (await OpenItemAsync(id, item) is IActionResult refused)
        {
            return refused;
        }

        var saved = await db.PfaChecklistItems.AsNoTracking().SingleOrDefaultAsync(i => i.ChildId == id && i.Item == Item);
        Status = (saved?.Status ?? PfaItemStatus.NotStarted).ToString();
        Owner = saved?.Owner;
        DueOn = DateInput.From(saved?.DueOn ?? PfaChecklist.DefaultDueOn(Item, Child.DateOfBirth));
        EvidenceNote = saved?.EvidenceNote;
        AscOutcome = saved?.AscOutcome?.ToString();
        ProgrammeStart = DateInput.From(saved?.ProgrammeStart);
        ProgrammeEnd = DateInput.From(saved?.ProgrammeEnd);
        RetainedEmployment = saved?.RetainedEmployment switch { true => "yes", false => "no", _ => null };
        await Gate.RecordNowAsync(AuditActions.PfaViewed, id, $"checklist item {PfaItems.Slug(Item)}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string item)
    {
        if (await OpenItemAsync(id, item) is IActionResult refused)
        {
            return refused;
        }

        var status = Enum.TryParse<PfaItemStatus>(Status, out var s) && Enum.IsDefined(s) ? s : (PfaItemStatus?)null;
        if (status is null)
        {
            ModelState.AddModelError(nameof(Status), "Select the item's status");
        }

        var dueOn = DueOn.Parse(ModelState, nameof(DueOn), "the due date");
        AscOutcome? asc = null;
        if (!string.IsNullOrEmpty(AscOutcome))
        {
            if (Enum.TryParse<AscOutcome>(AscOutcome, out var a) && Enum.IsDefined(a))
            {
                asc = a;
            }
            else
            {
                ModelState.AddModelError(nameof(AscOutcome), "Select what the Adult Social Care assessment found");
            }
        }

        var start = ProgrammeStart.Parse(ModelState, nameof(ProgrammeStart), "the programme's start date", required: false);
        var end = ProgrammeEnd.Parse(ModelState, nameof(ProgrammeEnd), "the programme's end date", required: false);
        bool? retained = RetainedEmployment switch { "yes" => true, "no" => false, null or "" => null, _ => null };
        if (RetainedEmployment is not (null or "" or "yes" or "no"))
        {
            ModelState.AddModelError(nameof(RetainedEmployment), "Select whether employment was retained");
        }

        var owner = Clean(Owner);
        var note = Clean(EvidenceNote);
        if (status is PfaItemStatus st)
        {
            var entry = new PfaItemEntry(Item, st, owner, dueOn, note, asc, start, end, retained);
            foreach (var problem in PfaChecklist.Problems(entry, Child.DateOfBirth, Person.Today))
            {
                // The date checks above already named a bad date; one message per field is enough.
                if (!ModelState.ContainsKey(problem.Field) || ModelState[problem.Field]!.Errors.Count == 0)
                {
                    ModelState.AddModelError(problem.Field, problem.Message);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.PfaChecklistItems.SingleOrDefaultAsync(i => i.ChildId == id && i.Item == Item);
        var before = row?.Status;
        if (row is null)
        {
            row = new PfaChecklistItem { ChildId = id, Item = Item, UpdatedByUserId = Gate.UserId };
            db.PfaChecklistItems.Add(row);
        }

        row.Status = status!.Value;
        row.Owner = owner;
        row.DueOn = dueOn!.Value;
        row.EvidenceNote = note;
        row.AscOutcome = asc;
        row.ProgrammeStart = start;
        row.ProgrammeEnd = end;
        row.RetainedEmployment = retained;
        row.ClosedOn = PfaChecklist.IsClosed(row.Status) ? row.ClosedOn ?? Person.Today : null;
        row.UpdatedByUserId = Gate.UserId;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        Gate.Record(AuditActions.PfaChanged, id,
            $"checklist item {PfaItems.Slug(Item)}: {(before is null ? "recorded" : $"{before} to")} {row.Status}");
        await db.SaveChangesAsync();
        Flash($"{PfaItems.DisplayName(Item)} saved");
        return Redirect($"{ChecklistPath}#item-{PfaItems.Slug(Item)}");
    }

    private async Task<IActionResult?> OpenItemAsync(Guid id, string item)
    {
        if (!PfaItems.TryParseSlug(item, out var parsed))
        {
            return NotFound();
        }

        Item = parsed;
        if (await OpenAsync(id, $"checklist item {item}", AdulthoodAccess.CanChangeChecklist) is IActionResult refused)
        {
            return refused;
        }

        if (!Person.InPfaYears)
        {
            await Gate.RefuseAsync(id, $"checklist item {item} outside the preparing for adulthood years");
            return Forbid();
        }

        return null;
    }

    public IReadOnlyList<ChoiceOption> StatusOptions => Enum.GetValues<PfaItemStatus>()
        .Select(s => new ChoiceOption(s.ToString(), PfaItems.DisplayName(s), string.Equals(Status, s.ToString(), StringComparison.Ordinal)))
        .ToList();

    public IReadOnlyList<ChoiceOption> AscOptions => Enum.GetValues<AscOutcome>()
        .Select(a => new ChoiceOption(a.ToString(), PfaItems.DisplayName(a), string.Equals(AscOutcome, a.ToString(), StringComparison.Ordinal)))
        .ToList();

    public IReadOnlyList<ChoiceOption> RetainedOptions =>
    [
        new("yes", "Yes", RetainedEmployment == "yes"),
        new("no", "No", RetainedEmployment == "no"),
    ];
}
