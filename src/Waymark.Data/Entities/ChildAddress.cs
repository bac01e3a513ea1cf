namespace Waymark.Data.Entities;

/// <summary>
/// The child's home address as a school last sent it (CTF <c>Address</c>): the BS7666 parts, or up to five free lines when
/// the sender had no BS7666 address, then county and postcode. One per child; a later file replaces it. The postcode
/// is also kept on <see cref="Child.Postcode"/>, where searches and reports read it.
/// </summary>
public class ChildAddress
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>BS7666 secondary addressable object name: a flat or unit within a building (CTF <c>SAON</c>).</summary>
    public string? Saon { get; set; }

    /// <summary>BS7666 primary addressable object name: the house number or name (CTF <c>PAON</c>).</summary>
    public string? Paon { get; set; }

    public string? Street { get; set; }

    public string? Locality { get; set; }

    public string? Town { get; set; }

    public string? AdministrativeArea { get; set; }

    public string? PostTown { get; set; }

    /// <summary>Unique Property Reference Number, when the sender gave one.</summary>
    public long? Uprn { get; set; }

    /// <summary>Free address lines (CTF <c>AddressLines/AddressLine1</c> to <c>5</c>), used instead of the BS7666 parts.</summary>
    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? Line3 { get; set; }

    public string? Line4 { get; set; }

    public string? Line5 { get; set; }

    public string? County { get; set; }

    /// <summary>Royal Mail form, e.g. "EM1 2AB".</summary>
    public string? Postcode { get; set; }

    /// <summary>Where the address came from, e.g. "CTF 8232001_CTF_8234002_001.xml".</summary>
    public required string Source { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The address as lines to show, without the empty parts.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string?>();
        if (Line1 is not null || Line2 is not null || Line3 is not null || Line4 is not null || Line5 is not null)
        {
            lines.AddRange([Line1, Line2, Line3, Line4, Line5]);
        }
        else
        {
            lines.Add(Saon);
            lines.Add(Paon is null ? Street : Street is null ? Paon : $"{Paon} {Street}");
            lines.AddRange([Locality, Town, AdministrativeArea, PostTown]);
        }

        lines.AddRange([County, Postcode]);
        return lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
