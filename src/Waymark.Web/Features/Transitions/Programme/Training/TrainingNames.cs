using Waymark.Data.Entities;

namespace Waymark.Web.Features.Transitions.Programme.Training;

/// <summary>Words for training kinds and audiences, and their form values.</summary>
public static class TrainingNames
{
    public static string DisplayName(TrainingKind kind) => kind switch
    {
        TrainingKind.WholeSchool => "Whole-school",
        TrainingKind.Targeted => "Targeted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(TrainingAudience audience) => audience switch
    {
        TrainingAudience.SchoolStaff => "School staff",
        TrainingAudience.SocialWorkers => "Social workers",
        _ => throw new ArgumentOutOfRangeException(nameof(audience)),
    };

    /// <summary>An attendee is one member of staff or one social worker.</summary>
    public static string AttendeeType(TrainingAudience type) => type == TrainingAudience.SchoolStaff ? "School staff" : "Social worker";

    public static string Value(TrainingKind kind) => kind == TrainingKind.WholeSchool ? "whole-school" : "targeted";

    public static string Value(TrainingAudience audience) => audience == TrainingAudience.SchoolStaff ? "school-staff" : "social-workers";

    public static TrainingKind? ParseKind(string? value) => value switch
    {
        "whole-school" => TrainingKind.WholeSchool,
        "targeted" => TrainingKind.Targeted,
        _ => null,
    };

    public static TrainingAudience? ParseAudience(string? value) => value switch
    {
        "school-staff" => TrainingAudience.SchoolStaff,
        "social-workers" => TrainingAudience.SocialWorkers,
        _ => null,
    };
}
