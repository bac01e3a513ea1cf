using Waymark.Domain.People;

namespace Waymark.Data.Entities;

/// <summary>
/// Someone with a named responsibility for a child. Either a Waymark user, or an external
/// contact (e.g. a social worker from a neighbouring authority) who does not sign in.
/// </summary>
public class KeyPerson
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public KeyPersonRole Role { get; set; }

    public string? UserId { get; set; }

    public WaymarkUser? User { get; set; }

    public string? ExternalName { get; set; }

    public string? ExternalOrganisation { get; set; }

    public string? ExternalEmail { get; set; }

    public string? ExternalPhone { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool IsCurrentOn(DateOnly date) => Access.CurrentOn.Covers(StartDate, EndDate, date);
}
