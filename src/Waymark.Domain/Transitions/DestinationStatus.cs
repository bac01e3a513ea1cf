namespace Waymark.Domain.Transitions;

/// <summary>How settled the destination secondary school is. Only an accepted place allows sharing.</summary>
public enum DestinationStatus
{
    Preference,
    Offered,
    Accepted,
}

public static class DestinationStatuses
{
    public static string DisplayName(DestinationStatus status) => status switch
    {
        DestinationStatus.Preference => "Preference",
        DestinationStatus.Offered => "Place offered",
        DestinationStatus.Accepted => "Place accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown destination status."),
    };
}
