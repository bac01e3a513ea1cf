using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.QualityMark;

/// <summary>
/// A school's self-assessment of one standard. The school's headteacher or SENCo writes the evidence and judgement and
/// submits it; the moderating school's headteacher or SENCo agrees it (the standard is then completed) or does not, with a
/// note. Every change is kept (who, when, before and after) and audited.
/// </summary>
public sealed class StandardModel(WaymarkDbContext db, CurrentUser currentUser, QualityMarkGate gate, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public Judgement? Judgement { get; set; }

    [BindProperty]
    public bool? Agreed { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public QualityMarkGate.Opened Opened { get; private set; } = null!;

    public QualityMarkStandard Standard { get; private set; } = null!;

    public QualityMarkAssessment? Assessment { get; private set; }

    public string? ModeratedBy { get; private set; }

    public sealed record HistoryLine(DateTime AtUtc, string By, string Field, string? OldValue, string? NewValue);

    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public bool MayModerate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, int standardId)
    {
        if (await LoadAsync(urn, standardId) is { } refused)
        {
            return refused;
        }

        Evidence = Assessment?.Evidence;
        Judgement = Assessment?.Judgement;
        return Page();
    }

    /// <summary>Saves the school's self-assessment; with submit=true, also sends it for moderation.</summary>
    public async Task<IActionResult> OnPostAsync(int urn, int standardId, bool submit)
    {
        if (await LoadAsync(urn, standardId) is { } refused)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        ModelState.Clear();
        var evidence = string.IsNullOrWhiteSpace(Evidence) ? null : Evidence.Trim();
        if (Judgement is null)
        {
            ModelState.AddModelError(nameof(Judgement), "Select the school's judgement of this standard");
        }

        if (evidence is { Length: > QualityMarkRules.MaxEvidenceLength })
        {
            ModelState.AddModelError(nameof(Evidence), $"The evidence must be {QualityMarkRules.MaxEvidenceLength:N0} characters or fewer");
        }

        if (submit && ModelState.IsValid && QualityMarkRules.SubmitProblem(evidence, Judgement) is { } problem)
        {
            ModelState.AddModelError(problem.Contains("evidence", StringComparison.Ordinal) ? nameof(Evidence) : nameof(Judgement), problem);
        }

        if (submit && Opened.ModeratorSchoolId is null)
        {
            ModelState.AddModelError("", "The LA has not yet assigned a school to moderate yours: save it and submit it once they have");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = Assessment;
        if (assessment is null)
        {
            assessment = new QualityMarkAssessment
            {
                SchoolId = Opened.School.Id, StandardId = Standard.Id, Stage = AssessmentStage.InProgress, Judgement = Domain.QualityMark.Judgement.NotStarted,
                UpdatedByUserId = currentUser.Id, UpdatedAtUtc = now,
            };
            db.QualityMarkAssessments.Add(assessment);
        }
        else
        {
            db.Attach(assessment);
        }

        var changes = new List<QualityMarkAssessmentChange>();
        Change(changes, "Evidence", assessment.Evidence, evidence, now);
        Change(changes, "Judgement", Assessment is null ? null : QualityMarkRules.DisplayName(assessment.Judgement), QualityMarkRules.DisplayName(Judgement!.Value), now);
        var stage = submit ? AssessmentStage.Submitted : assessment.Stage;
        Change(changes, "Status", Assessment is null ? null : QualityMarkRules.DisplayName(assessment.Stage), QualityMarkRules.DisplayName(stage), now);
        if (changes.Count == 0)
        {
            Flash("Nothing was changed");
            return Redirect(Path);
        }

        assessment.Evidence = evidence;
        assessment.Judgement = Judgement.Value;
        assessment.Stage = stage;
        if (submit)
        {
            assessment.SubmittedAtUtc = now;
            assessment.SubmittedByUserId = currentUser.Id;
        }

        assessment.UpdatedByUserId = currentUser.Id;
        assessment.UpdatedAtUtc = now;
        assessment.Changes.AddRange(changes);
        auditor.Record(AuditActions.QualityMarkAssessed,
            detail: $"{Opened.School.Name} ({Opened.School.Urn}), standard {Standard.Id} \"{Standard.Name}\": {string.Join("; ", changes.Select(c => c.Field))} changed{(submit ? ", submitted for moderation" : "")}");
        await db.SaveChangesAsync();
        Flash(submit ? $"{Standard.Name} has been submitted for moderation" : $"Your self-assessment of {Standard.Name} has been saved");
        return Redirect(Path);
    }

    /// <summary>The moderating school agrees the self-assessment (completing the standard) or does not, with a note.</summary>
    public async Task<IActionResult> OnPostModerateAsync(int urn, int standardId)
    {
        if (await LoadAsync(urn, standardId) is { } refused)
        {
            return refused;
        }

        if (!MayModerate || Assessment is null)
        {
            return Forbid();
        }

        ModelState.Clear();
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (Agreed is null)
        {
            ModelState.AddModelError(nameof(Agreed), "Select whether your school agrees with this self-assessment");
        }

        if (Agreed == false && note is null)
        {
            ModelState.AddModelError(nameof(Note), "Enter a note saying why you do not agree, so the school knows what to change");
        }
        else if (note is { Length: > QualityMarkRules.MaxNoteLength })
        {
            ModelState.AddModelError(nameof(Note), $"The note must be {QualityMarkRules.MaxNoteLength:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = Assessment;
        db.Attach(assessment);
        var stage = Agreed!.Value ? AssessmentStage.Agreed : AssessmentStage.NotAgreed;
        var changes = new List<QualityMarkAssessmentChange>();
        Change(changes, "Status", QualityMarkRules.DisplayName(assessment.Stage), QualityMarkRules.DisplayName(stage), now);
        Change(changes, "Moderation note", assessment.ModerationNote, note, now);
        assessment.Stage = stage;
        assessment.ModerationNote = note;
        assessment.ModeratedBySchoolId = currentUser.SchoolId;
        assessment.ModeratedByUserId = currentUser.Id;
        assessment.ModeratedAtUtc = now;
        assessment.CompletedOn = Agreed.Value ? Today(clock) : null;
        assessment.UpdatedByUserId = currentUser.Id;
        assessment.UpdatedAtUtc = now;
        assessment.Changes.AddRange(changes);
        auditor.Record(AuditActions.QualityMarkModerated,
            detail: $"{Opened.School.Name} ({Opened.School.Urn}), standard {Standard.Id} \"{Standard.Name}\": {(Agreed.Value ? "agreed" : "not agreed")}");
        await db.SaveChangesAsync();
        Flash(Agreed.Value ? $"You agreed {Opened.School.Name}'s self-assessment of {Standard.Name}: the standard is completed" : $"You did not agree {Opened.School.Name}'s self-assessment of {Standard.Name}: it has gone back to the school");
        return Redirect(Path);
    }

    public string Path => $"/schools/{Opened.School.Urn}/quality-mark/{Standard.Id}";

    public TextAreaField EvidenceField => new(nameof(Evidence), "Evidence", Evidence, ErrorFor(nameof(Evidence)),
        "What the school does that meets this standard, and how you know: policies, practice, data, what children and families say.", Rows: 10);

    public RadiosField JudgementField => new(nameof(Judgement), "The school's judgement",
        Enum.GetValues<Judgement>().Select(j => new ChoiceOption(j.ToString(), QualityMarkRules.DisplayName(j), j == Judgement)).ToList(),
        ErrorFor(nameof(Judgement)));

    public RadiosField AgreedField => new(nameof(Agreed), "Does your school agree with this self-assessment?",
        [new ChoiceOption("true", "Yes, we agree", Agreed == true), new ChoiceOption("false", "No, we do not agree", Agreed == false)],
        ErrorFor(nameof(Agreed)), Inline: true);

    public TextAreaField NoteField => new(nameof(Note), "Note for the school", Note, ErrorFor(nameof(Note)),
        "Needed if you do not agree: what the school should look at again.");

    private void Change(List<QualityMarkAssessmentChange> changes, string field, string? oldValue, string? newValue, DateTime now)
    {
        if (oldValue != newValue)
        {
            changes.Add(new QualityMarkAssessmentChange { ChangedByUserId = currentUser.Id, ChangedAtUtc = now, Field = field, OldValue = oldValue, NewValue = newValue });
        }
    }

    private async Task<IActionResult?> LoadAsync(int urn, int standardId)
    {
        var (opened, refused) = await gate.OpenAsync(urn, $"quality mark standard {standardId}");
        if (refused is not null)
        {
            return refused;
        }

        Opened = opened!;
        var standard = await db.QualityMarkStandards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == standardId);
        Assessment = await db.QualityMarkAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.SchoolId == Opened.School.Id && a.StandardId == standardId);
        // A retired standard is shown only where the school had assessed it.
        if (standard is null || (standard.RetiredAtUtc is not null && Assessment is null))
        {
            return NotFound();
        }

        Standard = standard;
        var mayAssess = QualityMarkRules.MayAssess(currentUser.Role);
        MayEdit = mayAssess && Opened.Relation == QualityMarkRelation.OwnSchool && standard.RetiredAtUtc is null && QualityMarkRules.SchoolMayEdit(Assessment?.Stage);
        MayModerate = mayAssess && Opened.Relation == QualityMarkRelation.Moderator && QualityMarkRules.MayModerate(Assessment?.Stage);
        if (Assessment is not null)
        {
            var changes = await db.QualityMarkAssessmentChanges.AsNoTracking().Where(c => c.AssessmentId == Assessment.Id)
                .OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id)
                .Join(db.Users, c => c.ChangedByUserId, u => u.Id, (c, u) => new { c, u.DisplayName, u.SchoolId })
                .ToListAsync();
            var schoolNames = await SchoolNamesAsync(changes.Select(c => c.SchoolId).Append(Assessment.ModeratedBySchoolId));
            History = changes.Select(x => new HistoryLine(x.c.ChangedAtUtc, By(x.DisplayName, x.SchoolId, schoolNames), x.c.Field, x.c.OldValue, x.c.NewValue)).ToList();
            if (Assessment.ModeratedBySchoolId is int by)
            {
                ModeratedBy = schoolNames.GetValueOrDefault(by);
            }
        }

        return null;
    }

    private async Task<Dictionary<int, string>> SchoolNamesAsync(IEnumerable<int?> ids)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return await db.Schools.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
    }

    private static string By(string name, int? schoolId, Dictionary<int, string> schools) =>
        schoolId is int id && schools.TryGetValue(id, out var school) ? $"{name}, {school}" : $"{name}, the LA";
}
