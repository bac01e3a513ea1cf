using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;

namespace Waymark.Web.Features.EarlyHelp.Progress;

/// <summary>
/// Each family member's scores over time, from the plan's assessment through each review: a table (the record) and a
/// line chart drawn from it, with where family members' views differ and where the practitioner saw it otherwise.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, EarlyHelpGate gate) : PlanPageModel(gate)
{
    /// <summary>One sitting: the plan's assessment (no review) or a review.</summary>
    public sealed record Sitting(int? ReviewId, DateOnly On)
    {
        public string Label => (ReviewId is null ? "Assessment, " : "Review, ") + On.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    }

    public sealed record MemberProgress(FamilyMember Member, IReadOnlyList<(Sitting Sitting, SelfAssessment Assessment)> Columns);

    public sealed record Difference(Sitting Sitting, AspectOfLife Aspect, IReadOnlyList<(string Name, int Score)> Scores);

    public List<MemberProgress> Members { get; } = [];

    public List<Difference> Differences { get; } = [];

    /// <summary>Self-assessments the practitioner did not agree with.</summary>
    public List<(FamilyMember Member, Sitting Sitting, string? Reasons)> PractitionerDisagreed { get; } = [];

    private readonly HashSet<(int? ReviewId, AspectOfLife Aspect)> _differing = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "progress over time") is IActionResult refused)
        {
            return refused;
        }

        var assessments = await db.SelfAssessments.AsNoTracking().Include(s => s.Scores).Where(s => s.PlanId == id).ToListAsync();
        var reviewDates = await db.TafReviews.AsNoTracking().Where(r => r.PlanId == id).ToDictionaryAsync(r => r.Id, r => r.HeldOn);
        Sitting SittingOf(SelfAssessment a) => new(a.ReviewId, a.ReviewId is int r && reviewDates.TryGetValue(r, out var on) ? on : a.AssessedOn);

        foreach (var member in View.Plan.Members.OrderBy(m => m.Role).ThenBy(m => m.Id))
        {
            var columns = assessments.Where(a => a.MemberId == member.Id)
                .Select(a => (Sitting: SittingOf(a), Assessment: a))
                .OrderBy(c => c.Sitting.ReviewId is null ? 0 : 1).ThenBy(c => c.Sitting.On).ThenBy(c => c.Assessment.Id)
                .ToList();
            if (columns.Count > 0)
            {
                Members.Add(new MemberProgress(member, columns));
            }

            foreach (var (sitting, assessment) in columns.Where(c => !c.Assessment.PractitionerAgrees))
            {
                PractitionerDisagreed.Add((member, sitting, assessment.PractitionerReasons));
            }
        }

        foreach (var sitting in assessments.GroupBy(a => a.ReviewId).OrderBy(g => g.Key is null ? 0 : 1).ThenBy(g => SittingOf(g.First()).On))
        {
            var answers = sitting.SelectMany(a => a.Scores.Select(s => (a.MemberId, Answer: new AspectAnswer(s.Aspect, s.Score, s.NotApplicableReason)))).ToList();
            foreach (var aspect in AspectScores.Disagreements(answers.Select(x => x.Answer)))
            {
                _differing.Add((sitting.Key, aspect));
                var scores = answers.Where(x => x.Answer.Aspect == aspect && x.Answer.Score is not null)
                    .Select(x => (Name: View.Plan.Members.FirstOrDefault(m => m.Id == x.MemberId)?.Name ?? "Unknown", Score: x.Answer.Score!.Value))
                    .ToList();
                Differences.Add(new Difference(SittingOf(sitting.First()), aspect, scores));
            }
        }

        return Page();
    }

    public bool Differs(Sitting sitting, AspectOfLife aspect) => _differing.Contains((sitting.ReviewId, aspect));

    public static AspectScore? ScoreOf(SelfAssessment assessment, AspectOfLife aspect) => assessment.Scores.FirstOrDefault(s => s.Aspect == aspect);

    public static string Cell(AspectScore? score) =>
        score?.Score?.ToString(CultureInfo.InvariantCulture) ?? (score?.NotApplicableReason is null ? "–" : "N/A");

    /// <summary>Distinct colours (and dash patterns, for those who cannot tell the colours apart) for the ten aspects.</summary>
    public static readonly string[] Colours = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#d53880", "#28a197", "#505a5f", "#0b0c0c"];

    public static string Dash(int index) => (index / 5) == 0 ? "" : "6 3";

    /// <summary>The chart's plotting: x for a column, y for a score, on a 0–10 scale.</summary>
    public const int ChartWidth = 760, ChartHeight = 300, Left = 40, Right = 520, Top = 20, Bottom = 250;

    public static double X(int column, int columns) =>
        columns <= 1 ? (Left + Right) / 2.0 : Left + 20 + column * (Right - Left - 40) / (double)(columns - 1);

    public static double Y(int score) => Bottom - score * (Bottom - Top) / 10.0;

    public static string Points(MemberProgress progress, AspectOfLife aspect)
    {
        var points = new StringBuilder();
        for (var i = 0; i < progress.Columns.Count; i++)
        {
            if (ScoreOf(progress.Columns[i].Assessment, aspect)?.Score is int score)
            {
                points.Append(CultureInfo.InvariantCulture, $"{X(i, progress.Columns.Count):0.#},{Y(score):0.#} ");
            }
        }

        return points.ToString().TrimEnd();
    }

    /// <summary>An SVG text element (Razor keeps &lt;text&gt; for itself), its content encoded.</summary>
    public static HtmlString SvgText(double x, double y, string anchor, int size, string content) =>
        new($"<text x=\"{Num(x)}\" y=\"{Num(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"#0b0c0c\">{HtmlEncoder.Default.Encode(content)}</text>");

    public static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
