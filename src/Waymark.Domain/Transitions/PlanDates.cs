namespace Waymark.Domain.Transitions;

/// <summary>Date rules shared by meetings, actions and consent.</summary>
public static class PlanDates
{
    /// <summary>Something being arranged (a meeting, an action's deadline) cannot be in the past.</summary>
    public static string? NotInPast(DateOnly date, DateOnly today, string what) =>
        date < today ? $"{what} must be today or in the future" : null;

    /// <summary>Something that has happened (consent given, a review held) cannot be in the future.</summary>
    public static string? NotInFuture(DateOnly date, DateOnly today, string what) =>
        date > today ? $"{what} must be today or in the past" : null;
}
