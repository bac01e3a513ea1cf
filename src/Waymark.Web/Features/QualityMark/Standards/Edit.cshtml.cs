using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.QualityMark.Standards;

/// <summary>
/// Renames, describes, moves or retires (or brings back) one standard. LA administrators and officers only; audited with
/// the standard before and after. Retiring keeps every school's past assessment of it.
/// </summary>
public sealed class EditModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int? Position { get; set; }

    [BindProperty]
    public bool Retired { get; set; }

    public QualityMarkStandard Standard { get; private set; } = null!;

    public int CurrentCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Name = Standard.Name;
        Description = Standard.Description;
        Position = Standard.RetiredAtUtc is null ? Standard.Position : null;
        Retired = Standard.RetiredAtUtc is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var name = Name?.Trim() ?? "";
        var description = Description?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Enter the standard's name");
        }
        else if (name.Length > QualityMarkStandard.MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), $"The name must be {QualityMarkStandard.MaxNameLength} characters or fewer");
        }

        if (description.Length == 0)
        {
            ModelState.AddModelError(nameof(Description), "Enter what good looks like for this standard");
        }
        else if (description.Length > QualityMarkStandard.MaxDescriptionLength)
        {
            ModelState.AddModelError(nameof(Description), $"The description must be {QualityMarkStandard.MaxDescriptionLength} characters or fewer");
        }

        var slots = Retired ? 0 : CurrentCount + (Standard.RetiredAtUtc is null ? 0 : 1);
        if (!Retired && (Position is not int p || p < 1 || p > slots))
        {
            ModelState.AddModelError(nameof(Position), "Select where the standard comes in the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = Describe(Standard);
        var current = await db.QualityMarkStandards.Where(s => s.RetiredAtUtc == null && s.Id != Standard.Id).OrderBy(s => s.Position).ToListAsync();
        Standard.Name = name;
        Standard.Description = description;
        var now = clock.GetUtcNow().UtcDateTime;
        Standard.RetiredAtUtc = Retired ? Standard.RetiredAtUtc ?? now : null;
        if (!Retired)
        {
            current.Insert(Position!.Value - 1, Standard);
        }

        // The current standards are numbered 1, 2, 3... with no gaps; a retired one keeps its last number, unshown.
        for (var i = 0; i < current.Count; i++)
        {
            current[i].Position = i + 1;
        }

        var after = Describe(Standard);
        if (before == after)
        {
            Flash($"{Standard.Name} was not changed");
            return Redirect("/quality-mark/standards");
        }

        Standard.UpdatedByUserId = currentUser.Id;
        Standard.UpdatedAtUtc = now;
        auditor.Record(AuditActions.QualityMarkStandardChanged, detail: $"standard {Standard.Id}: from {before} to {after}");
        await db.SaveChangesAsync();
        Flash($"{Standard.Name} has been saved");
        return Redirect("/quality-mark/standards");
    }

    public TextField NameField => new(nameof(Name), "Name", Name, ErrorFor(nameof(Name)));

    public TextAreaField DescriptionField => new(nameof(Description), "What good looks like", Description, ErrorFor(nameof(Description)),
        "Shown to schools beside the standard when they self-assess.");

    public SelectField PositionField => new(nameof(Position), "Place in the list",
        [new SelectOption("", "Choose a place", Position is null),
            .. Enumerable.Range(1, CurrentCount + (Standard.RetiredAtUtc is null ? 0 : 1))
                .Select(n => new SelectOption(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture), n == Position))],
        ErrorFor(nameof(Position)), "Standards are numbered in this order on every page. Not needed when retiring it.");

    public CheckboxesField RetiredField => new(nameof(Retired), "Retire",
        [new ChoiceOption("true", "Retire this standard: schools stop assessing it and it no longer counts towards completion", Retired)],
        ErrorFor(nameof(Retired)), "Schools' past assessments of it are kept. Untick to bring it back.", Small: true);

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (!QualityMarkRules.MayManage(currentUser.Role))
        {
            return Forbid();
        }

        var standard = await db.QualityMarkStandards.SingleOrDefaultAsync(s => s.Id == id);
        if (standard is null)
        {
            return NotFound();
        }

        Standard = standard;
        CurrentCount = await db.QualityMarkStandards.CountAsync(s => s.RetiredAtUtc == null);
        return null;
    }

    private static string Describe(QualityMarkStandard s) =>
        $"\"{s.Name}\", {(s.RetiredAtUtc is null ? $"number {s.Position}" : "retired")}, described as \"{s.Description}\"";
}
