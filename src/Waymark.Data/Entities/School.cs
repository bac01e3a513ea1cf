using Waymark.Domain.Schools;

namespace Waymark.Data.Entities;

public class School
{
    public int Id { get; set; }

    /// <summary>GIAS unique reference number; a school that converts gets a new one.</summary>
    public int Urn { get; set; }

    public int LaCode { get; set; }

    public int EstablishmentNumber { get; set; }

    public required string Name { get; set; }

    public SchoolPhase Phase { get; set; }

    /// <summary>GIAS type of establishment, e.g. "Community school", "Academy converter".</summary>
    public required string Type { get; set; }

    public bool IsOpen { get; set; } = true;

    public List<Enrolment> Enrolments { get; set; } = [];
}
