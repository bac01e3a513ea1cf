using Waymark.Domain.EarlyHelp;

namespace Waymark.Web.Features.EarlyHelp;

/// <summary>Why a part of the plan cannot be changed now, in words for the page; null when it can.</summary>
public static class PlanChanges
{
    public static string? WhyNot(PlanView view, string what, params PlanStage[] stages)
    {
        if (!view.HasConsent)
        {
            return $"There is no consent in force to share this family's information, so {what} cannot be recorded.";
        }

        if (!view.IsOpen)
        {
            return $"This plan is {PlanText.Stage(view.Plan.Stage).ToLowerInvariant()}, so {what} can no longer be changed.";
        }

        if (stages.Length > 0 && !stages.Contains(view.Plan.Stage))
        {
            return $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be changed while the plan is {PlanText.Stage(view.Plan.Stage).ToLowerInvariant()}.";
        }

        return null;
    }
}
