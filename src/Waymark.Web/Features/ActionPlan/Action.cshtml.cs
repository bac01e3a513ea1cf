using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.ActionPlan;

/// <summary>Changes one action (what, heading, timescale, lead) and rates this term's progress. LA administrators and officers only.</summary>
public sealed class ActionModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : ActionPlanPageModel(db, currentUser, auditor)
{
    public const string TitleField = "title";
    public const string PriorityField = "priority";
    public const string TimescaleField = "timescale";
    public const string LeadField = "lead";
    public const string RagField = "rag";
    public const string NoteField = "note";

    [BindProperty(Name = TitleField)]
    public string? ActionTitle { get; set; }

    [BindProperty(Name = PriorityField)]
    public string? Priority { get; set; }

    [BindProperty(Name = TimescaleField)]
    public string? Timescale { get; set; }

    [BindProperty(Name = LeadField)]
    public string? Lead { get; set; }

    [BindProperty(Name = RagField)]
    public string? RagValue { get; set; }

    [BindProperty(Name = NoteField)]
    public string? Note { get; set; }

    public const string MilestoneField = "milestone";

    [BindProperty(Name = MilestoneField)]
    public string? MilestoneText { get; set; }

    [BindProperty]
    public DateInput TargetDate { get; set; } = new();

    public PlanAction Action { get; private set; } = null!;

    public DateOnly OnDay { get; private set; }

    public Term ThisTerm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        ActionTitle = Action.Title;
        Priority = Action.Priority.ToString();
        Timescale = Action.Timescale;
        Lead = Action.Lead;
        var rating = Rating();
        RagValue = (rating?.Rag ?? Rag.NotRated).ToString();
        Note = rating?.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var title = ActionTitle?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError(TitleField, "Enter the action");
        }
        else if (title.Length > 1000)
        {
            ModelState.AddModelError(TitleField, "The action must be 1000 characters or fewer");
        }

        if (!Enum.TryParse<ActionPriority>(Priority, out var priority) || !Enum.IsDefined(priority) || int.TryParse(Priority, out _))
        {
            ModelState.AddModelError(PriorityField, "Select the heading the action comes under");
        }

        if (Timescale?.Trim().Length > 200)
        {
            ModelState.AddModelError(TimescaleField, "The timescale must be 200 characters or fewer");
        }

        if (Lead?.Trim().Length > 200)
        {
            ModelState.AddModelError(LeadField, "The lead must be 200 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            RagValue = (Rating()?.Rag ?? Rag.NotRated).ToString();
            Note = Rating()?.Note;
            return Page();
        }

        Action.Title = title!;
        Action.Priority = priority;
        Action.Timescale = string.IsNullOrWhiteSpace(Timescale) ? null : Timescale.Trim();
        Action.Lead = string.IsNullOrWhiteSpace(Lead) ? null : Lead.Trim();
        Auditor.Record(AuditActions.ActionPlanChanged, detail: $"Action {Action.Number} changed");
        await Db.SaveChangesAsync();
        Flash($"Action {Action.Number} has been saved");
        return Redirect("/action-plan");
    }

    public async Task<IActionResult> OnPostRatingAsync(int id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        if (!Enum.TryParse<Rag>(RagValue, out var rag) || !Enum.IsDefined(rag) || int.TryParse(RagValue, out _))
        {
            ModelState.AddModelError(RagField, $"Select the rating for the {ThisTerm}");
        }

        if (Note?.Trim().Length > ActionPlanRules.MaxNoteLength)
        {
            ModelState.AddModelError(NoteField, $"The progress note must be {ActionPlanRules.MaxNoteLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            ActionTitle = Action.Title;
            Priority = Action.Priority.ToString();
            Timescale = Action.Timescale;
            Lead = Action.Lead;
            return Page();
        }

        var saved = Rating() ?? Db.PlanActionProgress.Add(new PlanActionProgress
        {
            PlanActionId = Action.Id,
            AcademicYear = ThisTerm.Year.StartYear,
            Term = ThisTerm.Name,
        }).Entity;
        saved.Rag = rag;
        saved.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        saved.UpdatedByUserId = Viewer.Id;
        saved.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        Auditor.Record(AuditActions.ActionPlanChanged, detail: $"Action {Action.Number}: {ThisTerm} rated {ActionPlanRules.RagName(rag).ToLowerInvariant()}");
        await Db.SaveChangesAsync();
        Flash($"Action {Action.Number} has been rated {ActionPlanRules.RagName(rag).ToLowerInvariant()} for the {ThisTerm}");
        return Redirect("/action-plan");
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var text = MilestoneText?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(MilestoneField, "Enter the milestone");
        }
        else if (text.Length > 1000)
        {
            ModelState.AddModelError(MilestoneField, "The milestone must be 1000 characters or fewer");
        }

        var target = TargetDate.Parse(ModelState, nameof(TargetDate), "the date the milestone should be reached by");
        if (!ModelState.IsValid)
        {
            RefillForms();
            return Page();
        }

        Action.Milestones.Add(new PlanMilestone { Text = text!, TargetDate = target!.Value });
        Auditor.Record(AuditActions.ActionPlanChanged, detail: $"Action {Action.Number}: milestone added, due {target:yyyy-MM-dd}");
        await Db.SaveChangesAsync();
        Flash($"The milestone has been added to action {Action.Number}");
        return Redirect($"/action-plan/actions/{Action.Id}");
    }

    /// <summary>Marks a milestone reached today; reached milestones stay, with the date, so the plan shows what was done.</summary>
    public async Task<IActionResult> OnPostDoneAsync(int id, int milestoneId)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }

        if (Action.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone)
        {
            return NotFound();
        }

        if (milestone.CompletedOn is null)
        {
            milestone.CompletedOn = OnDay;
            Auditor.Record(AuditActions.ActionPlanChanged, detail: $"Action {Action.Number}: milestone {milestone.Id} done on {OnDay:yyyy-MM-dd}");
            await Db.SaveChangesAsync();
        }

        Flash($"The milestone \u201c{milestone.Text}\u201d is done");
        return Redirect($"/action-plan/actions/{Action.Id}");
    }

    private void RefillForms()
    {
        ActionTitle = Action.Title;
        Priority = Action.Priority.ToString();
        Timescale = Action.Timescale;
        Lead = Action.Lead;
        RagValue = (Rating()?.Rag ?? Rag.NotRated).ToString();
        Note = Rating()?.Note;
    }

    public TextField MilestoneTextField => new(MilestoneField, "Milestone", MilestoneText, ErrorFor(MilestoneField));

    public DateField TargetDateField => new(nameof(TargetDate), "Date it should be reached by", TargetDate, ErrorFor(nameof(TargetDate)));

    public TextField TitleText => new(TitleField, "Action", ActionTitle, ErrorFor(TitleField));

    public RadiosField PriorityRadios => new(PriorityField, "Heading", ActionPlanRules.Priorities
        .Select(p => new ChoiceOption(p.ToString(), ActionPlanRules.PriorityName(p), p.ToString() == Priority)).ToList(), ErrorFor(PriorityField));

    public TextField TimescaleText => new(TimescaleField, "Timescale", Timescale, ErrorFor(TimescaleField), "For example, 2021/22 to 2023/24");

    public TextField LeadText => new(LeadField, "Lead", Lead, ErrorFor(LeadField), "A person, team or organisation");

    public RadiosField RagRadios => new(RagField, $"Rating for the {ThisTerm}", ActionPlanRules.Ratings
        .Select(r => new ChoiceOption(r.ToString(), ActionPlanRules.RagName(r), r.ToString() == RagValue)).ToList(), ErrorFor(RagField), Inline: true);

    public TextAreaField NoteText => new(NoteField, "Progress this term", Note, ErrorFor(NoteField), "What has been done and what is holding it up");

    private PlanActionProgress? Rating() =>
        Action.Progress.FirstOrDefault(p => p.AcademicYear == ThisTerm.Year.StartYear && p.Term == ThisTerm.Name);

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await RefuseUnlessAsync(edit: true, "Change an action") is { } refused)
        {
            return refused;
        }

        if (await Db.PlanActions.Include(a => a.Progress).Include(a => a.Milestones).SingleOrDefaultAsync(a => a.Id == id) is not { } action)
        {
            return NotFound();
        }

        Action = action;
        OnDay = Today(clock);
        ThisTerm = SchoolTerms.Containing(OnDay);
        return null;
    }
}
