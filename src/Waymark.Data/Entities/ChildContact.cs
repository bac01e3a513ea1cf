namespace Waymark.Data.Entities;

/// <summary>
/// Someone a school lists as a contact for the child (CTF <c>Contact</c>), in the school's priority order: a parent, carer or
/// other adult, whether they have parental responsibility, and how to reach them. A later file replaces the whole list.
/// </summary>
public class ChildContact
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>The school's priority order, 1 first (CTF <c>Order</c>).</summary>
    public int Order { get; set; }

    public string? Title { get; set; }

    public string? Forename { get; set; }

    public required string Surname { get; set; }

    /// <summary>The relationship code as sent (CTF <c>Relationship</c>, e.g. PAR for a parent, CAR for a carer).</summary>
    public string? Relationship { get; set; }

    /// <summary>Has parental responsibility for the child (CTF <c>Responsibility</c>).</summary>
    public bool ParentalResponsibility { get; set; }

    public string? Email { get; set; }

    public List<ChildContactPhone> Phones { get; set; } = [];

    public string Name => string.Join(' ', new[] { Title, Forename, Surname }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>A telephone number of a <see cref="ChildContact"/> (CTF <c>Phones/Phone</c>).</summary>
public class ChildContactPhone
{
    public int Id { get; set; }

    public int ContactId { get; set; }

    public ChildContact? Contact { get; set; }

    /// <summary>The telephone type code as sent (CTF <c>TelephoneType</c>, e.g. H home, M mobile, W work).</summary>
    public string? Type { get; set; }

    public required string Number { get; set; }
}
