using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Assessment;

/// <summary>
/// One family member's self-assessment for the plan: a score on each of the ten aspects of life with what is working
/// and what could be better, the practitioner's view and, for a child, their own words and worksheet.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = EarlyHelpLimits.AttachmentBytes + (1024 * 1024))]
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser, TimeProvider clock) : PlanPageModel(gate)
{
    private const string PageName = "self-assessment";

    [BindProperty]
    public List<AnswerInput> Answers { get; set; } = [];

    [BindProperty]
    public DateInput AssessedOn { get; set; } = new();

    /// <summary>"agree" or "disagree".</summary>
    [BindProperty]
    public string? PractitionerView { get; set; }

    [BindProperty]
    public string? PractitionerReasons { get; set; }

    [BindProperty]
    public string? InTheirOwnWords { get; set; }

    [BindProperty]
    public IFormFile? Worksheet { get; set; }

    public FamilyMember Member { get; private set; } = null!;

    public List<SelfAssessmentAttachment> Attachments { get; private set; } = [];

    public string? CannotChange { get; private set; }

    public bool IsChild => Member.Role == FamilyRole.Child;

    public async Task<IActionResult> OnGetAsync(Guid id, int memberId)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        if (FindMember(memberId) is not FamilyMember member)
        {
            return NotFound();
        }

        Member = member;
        CannotChange = WhyNot();
        var existing = await LoadAsync(id, memberId, tracking: false);
        Attachments = existing?.Attachments.OrderBy(a => a.Id).ToList() ?? [];
        Answers = AspectsOfLife.All.Select(aspect =>
        {
            var score = existing?.Scores.FirstOrDefault(s => s.Aspect == aspect);
            return new AnswerInput
            {
                Score = score?.Score?.ToString(CultureInfo.InvariantCulture),
                NotApplicable = score is { Score: null, NotApplicableReason: not null },
                NotApplicableReason = score?.NotApplicableReason,
                WorkingWell = score?.WorkingWell,
                CouldBeBetter = score?.CouldBeBetter,
            };
        }).ToList();
        AssessedOn = DateInput.From(existing?.AssessedOn ?? View.Today);
        PractitionerView = existing is null ? null : existing.PractitionerAgrees ? "agree" : "disagree";
        PractitionerReasons = existing?.PractitionerReasons;
        InTheirOwnWords = existing?.InTheirOwnWords;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int memberId)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        if (FindMember(memberId) is not FamilyMember member)
        {
            return NotFound();
        }

        Member = member;
        var existing = await LoadAsync(id, memberId, tracking: true);
        Attachments = existing?.Attachments.OrderBy(a => a.Id).ToList() ?? [];
        CannotChange = WhyNot();
        if (CannotChange is not null)
        {
            return Page();
        }

        while (Answers.Count < AspectsOfLife.All.Count)
        {
            Answers.Add(new AnswerInput());
        }

        var scores = ValidateScores();
        var assessedOn = AssessedOn.Parse(ModelState, "AssessedOn", "the date of the self-assessment");
        if (assessedOn is DateOnly on && on > View.Today)
        {
            ModelState.AddModelError("AssessedOn", "The date of the self-assessment must be today or in the past");
        }

        bool? agrees = PractitionerView switch { "agree" => true, "disagree" => false, _ => null };
        if (agrees is null)
        {
            ModelState.AddModelError(nameof(PractitionerView), "Select whether you agree with the self-assessment");
        }

        var reasons = Clean(PractitionerReasons);
        if (agrees == false && reasons is null)
        {
            ModelState.AddModelError(nameof(PractitionerReasons), "Give your reasons for disagreeing with the self-assessment");
        }

        TooLong(nameof(PractitionerReasons), reasons, EarlyHelpLimits.Text, "Your reasons");
        var ownWords = IsChild ? Clean(InTheirOwnWords) : null;
        TooLong(nameof(InTheirOwnWords), ownWords, EarlyHelpLimits.Text, "In their own words");
        var attachment = IsChild ? await ReadWorksheetAsync() : null;

        if (!ModelState.IsValid || assessedOn is null || agrees is null)
        {
            return Page();
        }

        var assessment = existing ?? new SelfAssessment { PlanId = id, MemberId = memberId, RecordedByUserId = currentUser.Id };
        assessment.AssessedOn = assessedOn.Value;
        assessment.PractitionerAgrees = agrees.Value;
        assessment.PractitionerReasons = reasons;
        assessment.InTheirOwnWords = ownWords;
        assessment.RecordedByUserId = currentUser.Id;
        foreach (var answer in scores)
        {
            var row = assessment.Scores.FirstOrDefault(s => s.Aspect == answer.Aspect);
            if (row is null)
            {
                row = new AspectScore { Aspect = answer.Aspect };
                assessment.Scores.Add(row);
            }

            row.Score = answer.Score;
            row.NotApplicableReason = answer.NotApplicableReason;
            row.WorkingWell = answer.WorkingWell;
            row.CouldBeBetter = answer.CouldBeBetter;
        }

        if (attachment is not null)
        {
            assessment.Attachments.Add(attachment);
        }

        if (existing is null)
        {
            db.SelfAssessments.Add(assessment);
        }

        Gate.RecordChange(View.Plan, $"self-assessment {(existing is null ? "recorded" : "updated")} for {Member.Name}"
            + (attachment is null ? "" : $", worksheet {attachment.FileName} added"));
        await db.SaveChangesAsync();
        Flash($"Self-assessment saved for {Member.Name}");
        return Redirect($"{PlanPath}#assessments");
    }

    private FamilyMember? FindMember(int memberId) => View.Plan.Members.FirstOrDefault(m => m.Id == memberId && m.IsAssessed);

    private string? WhyNot() => PlanChanges.WhyNot(View, "the self-assessment", PlanStage.Assessment, PlanStage.Active);

    private Task<SelfAssessment?> LoadAsync(Guid id, int memberId, bool tracking)
    {
        var query = db.SelfAssessments.Include(s => s.Scores).Include(s => s.Attachments).AsSplitQuery()
            .Where(s => s.PlanId == id && s.ReviewId == null && s.MemberId == memberId);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync();
    }

    /// <summary>Every aspect checked, every problem shown at once against its own field.</summary>
    private List<ScoredAnswer> ValidateScores()
    {
        var result = new List<ScoredAnswer>();
        for (var i = 0; i < AspectsOfLife.All.Count; i++)
        {
            var aspect = AspectsOfLife.All[i];
            var input = Answers[i];
            var name = AspectsOfLife.DisplayName(aspect);
            var key = AspectsOfLife.Key(aspect);
            var text = input.Score?.Trim();
            int? score = null;
            if (!string.IsNullOrEmpty(text))
            {
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    score = parsed;
                }
                else
                {
                    ModelState.AddModelError(ScoreKey(aspect), $"The score for {name} must be a whole number from 0 to 10");
                    continue;
                }
            }

            var reason = Clean(input.NotApplicableReason);
            if (AspectScores.Problem(aspect, score, input.NotApplicable, reason) is string problem)
            {
                var onReason = input.NotApplicable && AspectsOfLife.MayBeNotApplicable(aspect) && score is null;
                ModelState.AddModelError(onReason ? ReasonKey(aspect) : ScoreKey(aspect), problem);
            }

            TooLong(ReasonKey(aspect), reason, EarlyHelpLimits.Short, $"Why {name} is not applicable");
            var well = Clean(input.WorkingWell);
            var better = Clean(input.CouldBeBetter);
            TooLong($"{key}-working-well", well, EarlyHelpLimits.Text, $"What's working well for {name}");
            TooLong($"{key}-could-be-better", better, EarlyHelpLimits.Text, $"What could be better for {name}");
            result.Add(new ScoredAnswer(aspect, input.NotApplicable ? null : score, input.NotApplicable ? reason : null, well, better));
        }

        return result;
    }

    private async Task<SelfAssessmentAttachment?> ReadWorksheetAsync()
    {
        if (Worksheet is null)
        {
            return null;
        }

        if (Worksheet.Length > EarlyHelpLimits.AttachmentBytes)
        {
            ModelState.AddModelError(nameof(Worksheet), $"The worksheet must be smaller than {WorksheetFile.MaxSize}");
            return null;
        }

        using var buffer = new MemoryStream();
        await Worksheet.CopyToAsync(buffer);
        var content = buffer.ToArray();
        var (kind, problem) = WorksheetFile.Check(Worksheet.FileName, content);
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Worksheet), problem!);
            return null;
        }

        return new SelfAssessmentAttachment
        {
            FileName = WorksheetFile.SafeName(Worksheet.FileName), ContentType = kind.ContentType, Content = content,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedByUserId = currentUser.Id,
        };
    }

    private void TooLong(string key, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            ModelState.AddModelError(key, $"{what} must be {max} characters or fewer");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string ScoreKey(AspectOfLife aspect) => $"{AspectsOfLife.Key(aspect)}-score";

    public static string ReasonKey(AspectOfLife aspect) => $"{AspectsOfLife.Key(aspect)}-na-reason";

    public static IReadOnlyList<SelectOption> ScoreOptions(string? selected) =>
    [
        new("", "Select a score", string.IsNullOrEmpty(selected)),
        .. Enumerable.Range(AspectScores.Lowest, AspectScores.Highest + 1).Reverse().Select(s => new SelectOption(
            s.ToString(CultureInfo.InvariantCulture),
            s switch { AspectScores.Highest => "10 – all is well", AspectScores.Lowest => "0 – really worried", _ => s.ToString(CultureInfo.InvariantCulture) },
            selected == s.ToString(CultureInfo.InvariantCulture))),
    ];

    private sealed record ScoredAnswer(AspectOfLife Aspect, int? Score, string? NotApplicableReason, string? WorkingWell, string? CouldBeBetter);

    public sealed class AnswerInput
    {
        public string? Score { get; set; }

        public bool NotApplicable { get; set; }

        public string? NotApplicableReason { get; set; }

        public string? WorkingWell { get; set; }

        public string? CouldBeBetter { get; set; }
    }
}
