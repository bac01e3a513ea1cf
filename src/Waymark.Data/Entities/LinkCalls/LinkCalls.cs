using Waymark.Domain.LinkCalls;

namespace Waymark.Data.Entities;

/// <summary>A school on a Link Co-ordinator's list: the LA officer linked to it since a day, and the LA's risk group for it.</summary>
public class LinkedSchool
{
    public int SchoolId { get; set; }

    public School? School { get; set; }

    public required string OfficerUserId { get; set; }

    public WaymarkUser? Officer { get; set; }

    /// <summary>The day this officer took the school on: the first call is due two weeks later.</summary>
    public DateOnly LinkedOn { get; set; }

    public RiskGroup RiskGroup { get; set; }

    public string? RiskNote { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A call or termly meeting between a school and its Link Co-ordinator, with who came, the children discussed and what was agreed.</summary>
public class LinkContact
{
    public Guid Id { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    public LinkContactKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string OfficerUserId { get; set; }

    /// <summary>Who from the school took part, in their own words ("Mrs Patel, SENCo; Mr Hill, head").</summary>
    public required string FromSchool { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<LinkContactChild> Children { get; set; } = [];

    public List<LinkAction> Actions { get; set; } = [];
}

/// <summary>A child discussed at a contact: part of the child's record (what was said goes in the contact's notes).</summary>
public class LinkContactChild
{
    public int Id { get; set; }

    public Guid ContactId { get; set; }

    public LinkContact? Contact { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }
}

/// <summary>An action agreed at a contact: what, who will do it, by when, and when it was done.</summary>
public class LinkAction
{
    public Guid Id { get; set; }

    public Guid ContactId { get; set; }

    public LinkContact? Contact { get; set; }

    public required string Description { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? DoneOn { get; set; }

    public string? DoneByUserId { get; set; }
}
