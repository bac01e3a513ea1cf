using Waymark.Data.Entities;

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
}
