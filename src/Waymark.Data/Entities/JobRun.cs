namespace Waymark.Data.Entities;

/// <summary>
/// One run of a scheduled job for one day. The key is the job and the day, so when several instances of Waymark
/// share a database only the first to insert the row runs the job that day.
/// </summary>
public class JobRun
{
    public required string Job { get; set; }

    public DateOnly Day { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>What the run did, or why it failed.</summary>
    public string? Outcome { get; set; }

    public bool Failed { get; set; }
}
