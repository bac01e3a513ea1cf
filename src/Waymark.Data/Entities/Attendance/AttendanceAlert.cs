using Waymark.Domain.Attendance;

namespace Waymark.Data.Entities;

/// <summary>
/// One worklist entry. Raised by the rule that found it, kept while the condition holds (and after,
/// for the record), and marked handled by a person with a note.
/// </summary>
public class AttendanceAlert
{
    public long Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>The school whose marks or records raised it, when there is one.</summary>
    public int? SchoolId { get; set; }

    public School? School { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>
    /// Distinguishes repeat alerts of one kind for one child (e.g. the term, or the suspension's id), so
    /// recomputing raises nothing twice.
    /// </summary>
    public required string Key { get; set; }

    public AlertOwner Owner { get; set; }

    /// <summary>What was found, in a sentence, e.g. "42.5% attendance this term (autumn 2026)".</summary>
    public required string Summary { get; set; }

    public DateOnly RaisedOn { get; set; }

    /// <summary>When the condition stopped holding (recomputed from the data), if it has.</summary>
    public DateOnly? ClearedOn { get; set; }

    public DateTime? HandledAtUtc { get; set; }

    public string? HandledByUserId { get; set; }

    public WaymarkUser? HandledBy { get; set; }

    public string? HandledNote { get; set; }

    public bool IsOpen => HandledAtUtc is null && ClearedOn is null;
}

/// <summary>An in-app message to one user about one child, e.g. that the child was suspended.</summary>
public class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public Guid? ChildId { get; set; }

    public required string Text { get; set; }

    /// <summary>App-relative link to where to act, e.g. the child's attendance page.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}
