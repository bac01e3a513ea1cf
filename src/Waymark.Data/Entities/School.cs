using Waymark.Domain.Schools;

namespace Waymark.Data.Entities;

public class School
{
    private SchoolStatus _status = SchoolStatus.Open;

    public int Id { get; set; }

    /// <summary>GIAS unique reference number; a school that converts gets a new one.</summary>
    public int Urn { get; set; }

    public int LaCode { get; set; }

    public int EstablishmentNumber { get; set; }

    public required string Name { get; set; }

    public SchoolPhase Phase { get; set; }

    /// <summary>GIAS type of establishment, e.g. "Community school", "Academy converter".</summary>
    public required string Type { get; set; }

    /// <summary>GIAS establishment status; setting it sets <see cref="IsOpen"/>.</summary>
    public SchoolStatus Status
    {
        get => _status;
        set
        {
            _status = value;
            IsOpen = SchoolStatuses.IsOpen(value);
        }
    }

    /// <summary>
    /// Teaching pupils now (open, or open but proposed to close). Kept as a column, always derived from
    /// <see cref="Status"/>, so queries can filter on it.
    /// </summary>
    public bool IsOpen { get; private set; } = true;

    public DateOnly? OpenDate { get; set; }

    public DateOnly? CloseDate { get; set; }

    /// <summary>The address as GIAS gives it: street, locality, a third line, town, county and postcode.</summary>
    public string? Street { get; set; }

    public string? Locality { get; set; }

    public string? Address3 { get; set; }

    public string? Town { get; set; }

    public string? County { get; set; }

    public string? Postcode { get; set; }

    public List<Enrolment> Enrolments { get; set; } = [];

    /// <summary>This school's GIAS links: its predecessors, successors and other linked establishments.</summary>
    public List<SchoolLink> Links { get; set; } = [];

    /// <summary>The address lines that are given, in order.</summary>
    public IEnumerable<string> AddressLines() =>
        new[] { Street, Locality, Address3, Town, County, Postcode }.Where(l => !string.IsNullOrWhiteSpace(l))!;
}

/// <summary>
/// A GIAS link from a school in the register to another establishment: for example the maintained school an academy
/// converted from ("Predecessor"), or the academy that replaced a school ("Successor"). The linked school need not be
/// in the register (it may be in another LA's area); its name as GIAS gave it is kept for that case.
/// </summary>
public class SchoolLink
{
    public int Id { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    public int LinkedUrn { get; set; }

    public string? LinkedName { get; set; }

    /// <summary>The GIAS wording, e.g. "Predecessor", "Successor - merged"; <see cref="SchoolLinkTypes"/> reads its direction.</summary>
    public required string LinkType { get; set; }

    public DateOnly? EstablishedOn { get; set; }
}
