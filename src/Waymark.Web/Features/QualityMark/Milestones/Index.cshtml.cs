using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.QualityMark.Milestones;

/// <summary>
/// The LA's milestones: which standards every school should have completed by which date. LA-wide roles see them; LA
/// administrators and officers add and remove them, audited.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, QualityMarkGate gate, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty]
    public DateInput DueOn { get; set; } = new();

    [BindProperty]
    public List<int> StandardIds { get; set; } = [];

    public QualityMarkProgress Progress { get; private set; } = null!;

    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!QualityMarkRules.SeesEverySchool(currentUser.Role))
        {
            await gate.RefuseAsync("the quality mark milestones");
            return Forbid();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!QualityMarkRules.MayManage(currentUser.Role))
        {
            return Forbid();
        }

        await LoadAsync();
        ModelState.Clear();
        var due = DueOn.Parse(ModelState, nameof(DueOn), "the date the standards are due");
        if (due is DateOnly d && d < Today(clock).AddYears(-1))
        {
            ModelState.AddModelError(nameof(DueOn), "The date the standards are due must be no more than a year ago");
        }

        var chosen = Progress.CurrentStandards.Where(s => StandardIds.Contains(s.Id)).Select(s => s.Id).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(StandardIds), "Select the standards schools should have completed by then");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var standards = await db.QualityMarkStandards.Where(s => chosen.Contains(s.Id)).ToListAsync();
        var milestone = new QualityMarkMilestone { DueOn = due!.Value, Standards = standards, CreatedByUserId = currentUser.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.QualityMarkMilestones.Add(milestone);
        var what = $"{Progress.Describe(milestone.ToRule())} by {milestone.DueOn:d MMMM yyyy}";
        auditor.Record(AuditActions.QualityMarkMilestoneChanged, detail: $"added: {what}");
        await db.SaveChangesAsync();
        Flash($"Milestone added: {what}");
        return Redirect("/quality-mark/milestones");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        if (!QualityMarkRules.MayManage(currentUser.Role))
        {
            return Forbid();
        }

        var milestone = await db.QualityMarkMilestones.Include(m => m.Standards).SingleOrDefaultAsync(m => m.Id == id);
        if (milestone is null)
        {
            return NotFound();
        }

        await LoadAsync();
        var what = $"{Progress.Describe(milestone.ToRule())} by {milestone.DueOn:d MMMM yyyy}";
        db.QualityMarkMilestones.Remove(milestone);
        auditor.Record(AuditActions.QualityMarkMilestoneChanged, detail: $"removed: {what}");
        await db.SaveChangesAsync();
        Flash($"Milestone removed: {what}");
        return Redirect("/quality-mark/milestones");
    }

    public DateField DueOnField => new(nameof(DueOn), "Due by", DueOn, ErrorFor(nameof(DueOn)), "Schools should have completed the standards by the end of this day. For example, 31 3 2027");

    public CheckboxesField StandardsField => new(nameof(StandardIds), "Standards to have completed",
        Progress.CurrentStandards.Select(s => new ChoiceOption(s.Id.ToString(CultureInfo.InvariantCulture), $"{s.Position}. {s.Name}", StandardIds.Contains(s.Id))).ToList(),
        ErrorFor(nameof(StandardIds)), "Completed means moderated and agreed by the school's peer moderator.");

    private async Task LoadAsync()
    {
        MayManage = QualityMarkRules.MayManage(currentUser.Role);
        Progress = await QualityMarkProgress.LoadAsync(db);
    }
}
