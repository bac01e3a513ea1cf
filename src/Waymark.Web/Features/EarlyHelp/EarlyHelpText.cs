using Waymark.Domain.EarlyHelp;

namespace Waymark.Web.Features.EarlyHelp;

/// <summary>How the plan's states look on the page.</summary>
public static class EarlyHelpText
{
    public static string StageTag(PlanStage stage) => stage switch
    {
        PlanStage.Assessment => "govuk-tag--blue",
        PlanStage.Active => "govuk-tag--green",
        PlanStage.WithMash => "govuk-tag--orange",
        PlanStage.SteppedUp => "govuk-tag--purple",
        _ => "govuk-tag--grey",
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
