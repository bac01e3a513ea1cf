using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.EarlyHelp.Document;

/// <summary>The whole plan as printed or downloaded: one source for the printable page and the PDF, so they say the same.</summary>
public sealed class PlanDocument
{
    public const string NoActionNeeded = "No action needed at this stage";

    public required EarlyHelpPlan Plan { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The plan's own self-assessments (not a review's), in family order.</summary>
    public required IReadOnlyList<SelfAssessment> Assessments { get; init; }

    public required IReadOnlyList<OtherService> Services { get; init; }

    public required IReadOnlyDictionary<string, string> UserNames { get; init; }

    public IEnumerable<FamilyMember> Assessed => Plan.Members.Where(m => m.IsAssessed).OrderBy(m => m.Role).ThenBy(m => m.Id);

    public string FileName => "family-early-help-plan.pdf";

    public SelfAssessment? AssessmentOf(FamilyMember member) => Assessments.FirstOrDefault(a => a.MemberId == member.Id);

    /// <summary>One cell of the scores table: the score, "N/A", or a dash when not yet scored.</summary>
    public string ScoreText(FamilyMember member, AspectOfLife aspect)
    {
        var score = AssessmentOf(member)?.Scores.FirstOrDefault(s => s.Aspect == aspect);
        return score switch
        {
            null => "–",
            { Score: int s } => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "N/A",
        };
    }

    public IEnumerable<EarlyHelpAction> ActionsFor(AspectOfLife aspect) =>
        Plan.Actions.Where(a => a.Aspect == aspect).OrderBy(a => a.ByWhen).ThenBy(a => a.Id);

    public string MemberName(int id) => Plan.Members.FirstOrDefault(m => m.Id == id)?.Name ?? "a family member";

    public string ConsentText(EarlyHelpConsent c) =>
        $"{EarlyHelpConsentRules.KindName(c.Kind)}: {(c.Agreed ? "agreed" : "refused")} by {MemberName(c.GivenByMemberId)} on {EarlyHelpText.Date(c.GivenOn)}"
        + (c.WithdrawnOn is DateOnly w ? $"; withdrawn {EarlyHelpText.Date(w)}" : "");

    public static string ActionText(EarlyHelpAction a) =>
        $"{a.What} — Who: {a.Who}. By {EarlyHelpText.Date(a.ByWhen)}. Difference hoped for: {a.HopedDifference}. "
        + $"Readiness {a.Readiness} ({ReadinessToChange.Label(a.Readiness)})."
        + (a.State == ActionState.Open ? "" : a.State == ActionState.Done ? " Done." : $" Not done{(a.NotDoneReason is null ? "" : ": " + a.NotDoneReason)}.");

    public static string MemberText(FamilyMember m) =>
        $"{m.Name} ({m.Relationship})" + (m.DateOfBirth is DateOnly dob ? (m.Unborn ? $", due {EarlyHelpText.Date(dob)}" : $", born {EarlyHelpText.Date(dob)}") : "")
        + (m.LivesAtHome ? "" : ", lives elsewhere");

    public static async Task<PlanDocument> LoadAsync(WaymarkDbContext db, PlanView view)
    {
        var id = view.Plan.Id;
        var assessments = await db.SelfAssessments.AsNoTracking().Include(s => s.Scores)
            .Where(s => s.PlanId == id && s.ReviewId == null).OrderBy(s => s.MemberId).ToListAsync();
        var services = await db.Set<OtherService>().AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.Id).ToListAsync();
        var userIds = assessments.Select(a => a.RecordedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return new PlanDocument { Plan = view.Plan, Today = view.Today, Assessments = assessments, Services = services, UserNames = names };
    }

    /// <summary>Records the download or print against each child of the family with a record; saved by the caller.</summary>
    public void Audit(Auditor auditor, string how)
    {
        foreach (var childId in Plan.Members.Where(m => m.ChildId is not null).Select(m => m.ChildId).Distinct().DefaultIfEmpty())
        {
            auditor.Record(AuditActions.EarlyHelpPlanDownloaded, childId, $"early help plan {Plan.Id}: {how}");
        }
    }
}
