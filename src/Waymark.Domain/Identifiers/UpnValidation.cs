namespace Waymark.Domain.Identifiers;

/// <summary>Result of <see cref="Upn.Validate"/>; <see cref="Message"/> is written for school staff.</summary>
public sealed record UpnValidation(UpnProblem Problem, string Message)
{
    public static UpnValidation Valid { get; } = new(UpnProblem.None, "UPN is valid");

    public bool IsValid => Problem == UpnProblem.None;
}
