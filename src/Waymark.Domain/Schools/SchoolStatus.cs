namespace Waymark.Domain.Schools;

/// <summary>GIAS "EstablishmentStatus". A school is never deleted: a closed one stays, marked closed.</summary>
public enum SchoolStatus
{
    Open,
    Closed,
    OpenButProposedToClose,
    ProposedToOpen,
}

public static class SchoolStatuses
{
    public static IReadOnlyList<SchoolStatus> All { get; } = Enum.GetValues<SchoolStatus>().AsReadOnly();

    /// <summary>The GIAS wording.</summary>
    public static string DisplayName(SchoolStatus status) => status switch
    {
        SchoolStatus.Open => "Open",
        SchoolStatus.Closed => "Closed",
        SchoolStatus.OpenButProposedToClose => "Open, but proposed to close",
        SchoolStatus.ProposedToOpen => "Proposed to open",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown school status."),
    };

    /// <summary>
    /// Whether the school teaches pupils now: open, including one proposed to close (it still has a roll). A school
    /// proposed to open has no pupils yet, so it is not offered where an open school is needed.
    /// </summary>
    public static bool IsOpen(SchoolStatus status) => status is SchoolStatus.Open or SchoolStatus.OpenButProposedToClose;

    /// <summary>Accepts the GIAS names, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? value, out SchoolStatus status)
    {
        var text = (value ?? "").Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(text, DisplayName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
