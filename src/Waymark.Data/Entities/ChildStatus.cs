using Waymark.Domain.Children;

namespace Waymark.Data.Entities;

/// <summary>An episode of a status such as a child protection plan, with its start and (once ended) end date.</summary>
public class ChildStatus
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public ChildStatusType Type { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>For EHC plan and SEN support episodes: the need ranked 1 (CTF SENtypeRank 1).</summary>
    public SenPrimaryNeed? PrimaryNeed { get; set; }

    /// <summary>For EHC plan and SEN support episodes: the need ranked 2 (CTF SENtypeRank 2), when there is one.</summary>
    public SenPrimaryNeed? SecondaryNeed { get; set; }

    /// <summary>For a looked-after episode: the DfE 3-digit number of the local authority the child is in the care of (CTF CareAuthority).</summary>
    public int? CareAuthority { get; set; }

    public bool IsCurrentOn(DateOnly date) => Access.CurrentOn.Covers(StartDate, EndDate, date);
}
