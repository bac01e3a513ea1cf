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
            return $"This plan has {(view.Plan.Stage == PlanStage.SteppedUp ? "stepped up to MASH" : "closed")}, so {what} can no longer be changed.";
        }

        if (stages.Length > 0 && !stages.Contains(view.Plan.Stage))
        {
            return $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be changed while {Stage(view.Plan.Stage)}.";
        }

        return null;
    }

    /// <summary>Where the plan is, to end "... while ...".</summary>
    public static string Stage(PlanStage stage) => stage switch
    {
        PlanStage.Assessment => "it is being assessed",
        PlanStage.Active => "it is active",
        PlanStage.WithMash => "it is with MASH",
        PlanStage.SteppedUp => "it has stepped up to MASH",
        _ => "it is closed",
    };
}
