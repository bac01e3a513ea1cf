namespace Waymark.Domain.Transitions;

/// <summary>Waymark proposes; an LA officer confirms or removes, with a reason.</summary>
public enum CohortDecision
{
    Proposed,
    Confirmed,
    Removed,
}
