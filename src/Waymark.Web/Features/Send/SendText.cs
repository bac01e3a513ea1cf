using Waymark.Data.Entities;
using Waymark.Domain.Send;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

public static class SendText
{
    public static string Requester(AssessmentRequester requester) => requester switch
    {
        AssessmentRequester.Parent => "Parent or carer",
        AssessmentRequester.YoungPerson => "The young person",
        AssessmentRequester.School => "School or college",
        AssessmentRequester.OtherProfessional => "Another professional",
        _ => throw new ArgumentOutOfRangeException(nameof(requester), requester, "Unknown requester."),
    };

    /// <summary>The decision to assess as the forms post it, or null for none or anything else.</summary>
    public static AssessmentDecision? ParseDecision(string? value) => value switch
    {
        nameof(AssessmentDecision.Assess) => AssessmentDecision.Assess,
        nameof(AssessmentDecision.NotAssess) => AssessmentDecision.NotAssess,
        _ => null,
    };

    /// <summary>The radios for the decision to assess, shared by the step and the correction.</summary>
    public static IReadOnlyList<ChoiceOption> DecisionOptions(string? chosen) =>
    [
        new(nameof(AssessmentDecision.Assess), "Assess", chosen == nameof(AssessmentDecision.Assess)),
        new(nameof(AssessmentDecision.NotAssess), "Not to assess", chosen == nameof(AssessmentDecision.NotAssess), "The family may appeal to the tribunal"),
    ];
}
