using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;

namespace Waymark.Web.Features.EarlyHelp.Close;

/// <summary>
/// Tells every Waymark user who worked on a plan that it closed: its Lead Professionals, past and present, and everyone
/// with an action. The person closing it knows already. Added to the context, saved with the closure.
/// </summary>
public static class ClosureNotices
{
    public static IReadOnlyList<string> Recipients(EarlyHelpPlan plan, string closedByUserId) =>
        plan.LeadProfessionals.Select(l => l.UserId)
            .Concat(plan.Actions.Select(a => a.ResponsibleUserId))
            .OfType<string>()
            .Where(id => id != closedByUserId)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Text(EarlyHelpPlan plan, DateOnly closedOn, ClosureReason reason) =>
        $"The Family Early Help Plan for {InSentence(plan.FamilyName)} was closed on {EarlyHelpText.Date(closedOn)}: "
        + char.ToLowerInvariant(PlanText.Closure(reason)[0]) + PlanText.Closure(reason)[1..];

    public static int Add(WaymarkDbContext db, EarlyHelpPlan plan, string closedByUserId, DateOnly closedOn, ClosureReason reason, DateTime nowUtc)
    {
        var text = Text(plan, closedOn, reason);
        var childId = plan.Members.FirstOrDefault(m => m.ChildId is not null)?.ChildId;
        var recipients = Recipients(plan, closedByUserId);
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification { UserId = userId, ChildId = childId, Text = text, Link = $"/early-help/{plan.Id}", CreatedAtUtc = nowUtc });
        }

        return recipients.Count;
    }

    /// <summary>"The Khan family" reads as "the Khan family" mid-sentence.</summary>
    private static string InSentence(string familyName) =>
        familyName.StartsWith("The ", StringComparison.Ordinal) ? "the " + familyName[4..] : familyName;
}
