using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Transitions.Profile;

/// <summary>
/// One section of the Transition Planning Profile. Saves are checked against the version the
/// editor started from, so two people editing the same section never silently overwrite each other.
/// </summary>
public sealed class SectionModel(WaymarkDbContext db, TransitionGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : TransitionPageModel(gate)
{
    public ProfileSectionDefinition Definition { get; private set; } = null!;

    /// <summary>The section as saved; null when nobody has written it yet.</summary>
    public TransitionProfileSection? Saved { get; private set; }

    public Dictionary<string, string?> Answers { get; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Sharing { get; set; }

    [BindProperty]
    public string? NewAction { get; set; }

    [BindProperty]
    public string? NewActionOwner { get; set; }

    [BindProperty]
    public DateInput NewActionBy { get; set; } = new();

    /// <summary>Set when someone else saved the section after this editor opened it.</summary>
    public string? ConflictBy { get; private set; }

    public IReadOnlyList<SupportPlanAction> Actions { get; private set; } = [];

    public SharingLevel CurrentSharing => Saved?.Sharing ?? Definition.DefaultSharing;

    public bool CanEdit => View.Rights.CanEdit(CurrentSharing) && View.Transition.Decision != CohortDecision.Removed;

    public static string FieldId(ProfileField field) => "answer-" + field.Key;

    public IReadOnlyList<ChoiceOption> StatusOptions =>
    [
        new(nameof(SectionStatus.Complete), "Yes, this section is complete", Status == nameof(SectionStatus.Complete)),
        new(nameof(SectionStatus.InProgress), "No, I'll come back to it later", Status != nameof(SectionStatus.Complete)),
    ];

    public IReadOnlyList<ChoiceOption> SharingOptions =>
        Enum.GetValues<SharingLevel>().Select(l => new ChoiceOption(l.ToString(), ProfileSections.DisplayName(l), l.ToString() == Sharing,
            l == SharingLevel.Restricted ? "The receiving school and school staff will not see it, nor will it appear on the passport" : "It may appear on the Transition Passport")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string slug)
    {
        if (await OpenSectionAsync(id, slug, tracking: false, write: false) is IActionResult refused)
        {
            return refused;
        }

        foreach (var field in Definition.Fields)
        {
            Answers[field.Key] = Saved?.Answer(field.Key);
        }

        Version = Saved?.Version ?? 0;
        Status = (Saved?.Status ?? SectionStatus.InProgress).ToString();
        Sharing = CurrentSharing.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string slug)
    {
        if (await OpenSectionAsync(id, slug, tracking: true, write: true) is IActionResult refused)
        {
            return refused;
        }

        foreach (var field in Definition.Fields)
        {
            var value = Request.Form[FieldId(field)].ToString().Trim();
            Answers[field.Key] = value.Length == 0 ? null : value;
        }

        var status = Status == nameof(SectionStatus.Complete) ? SectionStatus.Complete : SectionStatus.InProgress;
        var sharing = View.Rights.SetSharingLevel && Enum.TryParse<SharingLevel>(Sharing, out var chosen) && Enum.IsDefined(chosen)
            ? chosen
            : CurrentSharing;
        Sharing = sharing.ToString();

        if ((Saved?.Version ?? 0) != Version)
        {
            return Conflict();
        }

        foreach (var (field, message) in ProfileSections.Validate(Definition.Section, Answers, status))
        {
            ModelState.AddModelError(FieldId(Definition.Fields.Single(f => f.Key == field)), message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var section = Saved;
        if (section is null)
        {
            section = new TransitionProfileSection { TransitionId = id, Section = Definition.Section, Sharing = Definition.DefaultSharing, Status = SectionStatus.NotStarted };
            db.ProfileSections.Add(section);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<ProfileSectionChange>();
        var historySharing = sharing == SharingLevel.Restricted || section.Sharing == SharingLevel.Restricted ? SharingLevel.Restricted : SharingLevel.Shareable;
        void Change(string what, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                changes.Add(new ProfileSectionChange
                {
                    TransitionId = id, Section = Definition.Section, SharingAtChange = historySharing, What = what, OldValue = before, NewValue = after,
                    ChangedByUserId = currentUser.Id, ChangedAtUtc = now,
                });
            }
        }

        foreach (var field in Definition.Fields)
        {
            Change(field.Label, section.Answer(field.Key), Answers[field.Key]);
        }

        Change("Sharing", Saved is null ? null : ProfileSections.DisplayName(section.Sharing), ProfileSections.DisplayName(sharing));
        Change("Status", Saved is null ? null : ProfileSections.DisplayName(section.Status), ProfileSections.DisplayName(status));
        if (Saved is not null && changes.Count == 0)
        {
            Flash($"{Definition.Title}: nothing was changed");
            return Redirect($"/transition/{id}#profile");
        }

        section.Answers = Answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!);
        section.Status = status;
        section.Sharing = sharing;
        section.Version++;
        section.UpdatedByUserId = currentUser.Id;
        section.UpdatedAtUtc = now;
        db.ProfileSectionChanges.AddRange(changes);
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId,
            $"Profile section {Definition.Title}: {string.Join(", ", changes.Select(c => c.What))} changed");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone saved (or first wrote) the section between our read and our write.
            db.ChangeTracker.Clear();
            Saved = await db.ProfileSections.AsNoTracking().Include(s => s.UpdatedBy)
                .SingleOrDefaultAsync(s => s.TransitionId == id && s.Section == Definition.Section);
            return Conflict();
        }

        Flash($"{Definition.Title} saved{(status == SectionStatus.Complete ? " and marked as complete" : "")}");
        return Redirect($"/transition/{id}#profile");
    }

    public async Task<IActionResult> OnPostAddActionAsync(Guid id, string slug)
    {
        if (await OpenSectionAsync(id, slug, tracking: true, write: true) is IActionResult refused)
        {
            return refused;
        }

        if (Definition.Section != ProfileSection.SupportPlan)
        {
            return NotFound();
        }

        NewAction = NewAction?.Trim();
        NewActionOwner = NewActionOwner?.Trim();
        if (string.IsNullOrEmpty(NewAction))
        {
            ModelState.AddModelError(nameof(NewAction), "Enter the action");
        }
        else if (NewAction.Length > 1000)
        {
            ModelState.AddModelError(nameof(NewAction), "The action must be 1,000 characters or fewer");
        }

        if (string.IsNullOrEmpty(NewActionOwner))
        {
            ModelState.AddModelError(nameof(NewActionOwner), "Enter who will do it");
        }
        else if (NewActionOwner.Length > 200)
        {
            ModelState.AddModelError(nameof(NewActionOwner), "Who will do it must be 200 characters or fewer");
        }

        var by = NewActionBy.Parse(ModelState, nameof(NewActionBy), "the date it will be done by");
        if (by is DateOnly date && PlanDates.NotInPast(date, View.Today, "The date it will be done by") is string past)
        {
            ModelState.AddModelError(nameof(NewActionBy), past);
        }

        if (!ModelState.IsValid)
        {
            FillFromSaved();
            return Page();
        }

        db.SupportPlanActions.Add(new SupportPlanAction
        {
            TransitionId = id, Action = NewAction!, Owner = NewActionOwner!, ByWhen = by!.Value, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, $"Support plan action added for {NewActionOwner} by {by:d MMMM yyyy}");
        await db.SaveChangesAsync();
        Flash("Action added to the support plan");
        return Redirect($"/transition/{id}/profile/{slug}#actions");
    }

    public async Task<IActionResult> OnPostActionDoneAsync(Guid id, string slug, int actionId)
    {
        if (await OpenSectionAsync(id, slug, tracking: true, write: true) is IActionResult refused)
        {
            return refused;
        }

        var action = await db.SupportPlanActions.SingleOrDefaultAsync(a => a.Id == actionId && a.TransitionId == id);
        if (action is null || Definition.Section != ProfileSection.SupportPlan)
        {
            return NotFound();
        }

        if (action.DoneOn is null)
        {
            action.DoneOn = View.Today;
            auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, $"Support plan action done: {action.Action}");
            await db.SaveChangesAsync();
        }

        Flash("Action marked as done");
        return Redirect($"/transition/{id}/profile/{slug}#actions");
    }

    private IActionResult Conflict()
    {
        ConflictBy = Saved?.UpdatedBy?.DisplayName ?? "Someone else";
        var when = Saved?.UpdatedAtUtc is DateTime at ? UkClock.UkDateTime(at) : "just now";
        ModelState.AddModelError("",
            $"{ConflictBy} saved this section on {when}, after you opened it. Your changes have not been saved. Their version is shown below your answers: compare them, then save again to keep yours.");
        Version = Saved?.Version ?? 0;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private void FillFromSaved()
    {
        foreach (var field in Definition.Fields)
        {
            Answers[field.Key] = Saved?.Answer(field.Key);
        }

        Version = Saved?.Version ?? 0;
        Status = (Saved?.Status ?? SectionStatus.InProgress).ToString();
        Sharing = CurrentSharing.ToString();
    }

    private async Task<IActionResult?> OpenSectionAsync(Guid id, string slug, bool tracking, bool write)
    {
        if (ProfileSections.FromSlug(slug) is not ProfileSectionDefinition definition)
        {
            return NotFound();
        }

        Definition = definition;
        if (await OpenAsync(id, $"profile {slug}", r => r.SeeShareable, tracking) is IActionResult refused)
        {
            return refused;
        }

        var query = db.ProfileSections.Include(s => s.UpdatedBy).Where(s => s.TransitionId == id && s.Section == definition.Section);
        Saved = tracking ? await query.SingleOrDefaultAsync() : await query.AsNoTracking().SingleOrDefaultAsync();
        if (!View.Rights.CanSee(CurrentSharing) || (write && !CanEdit))
        {
            await Gate.RefuseAsync(View, $"profile {slug} {(write ? "edit" : "view")}");
            return Forbid();
        }

        if (definition.Section == ProfileSection.SupportPlan)
        {
            Actions = await db.SupportPlanActions.AsNoTracking().Where(a => a.TransitionId == id).OrderBy(a => a.ByWhen).ToListAsync();
        }

        return null;
    }
}
