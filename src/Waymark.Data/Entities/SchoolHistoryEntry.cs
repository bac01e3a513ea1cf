namespace Waymark.Data.Entities;

/// <summary>
/// A school the child attended, anywhere in England, as a CTF's <c>SchoolHistory/School</c> gives it. Unlike an
/// <see cref="Enrolment"/> it needs no school in Waymark's register: it keeps the LA number, establishment number and URN
/// as sent. Later files add entries and update those with the same school and entry date; none is removed.
/// </summary>
public class SchoolHistoryEntry
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public required string SchoolName { get; set; }

    /// <summary>DfE 3-digit LA number (CTF <c>LEA</c>).</summary>
    public int? LaCode { get; set; }

    /// <summary>DfE 4-digit establishment number (CTF <c>Estab</c>), unique within the LA.</summary>
    public int? EstablishmentNumber { get; set; }

    public int? Urn { get; set; }

    public DateOnly? EntryDate { get; set; }

    public DateOnly? LeavingDate { get; set; }

    /// <summary>Why the child left, as sent (CTF <c>LeavingReason</c>).</summary>
    public string? LeavingReason { get; set; }

    /// <summary>Where the entry came from, e.g. "CTF 8232001_CTF_8234002_001.xml".</summary>
    public required string Source { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
