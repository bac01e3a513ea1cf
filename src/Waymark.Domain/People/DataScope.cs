namespace Waymark.Domain.People;

/// <summary>Which children's records a role can reach.</summary>
public enum DataScope
{
    /// <summary>Every child in the local authority.</summary>
    LocalAuthority,

    /// <summary>Children on roll at the user's school.</summary>
    School,

    /// <summary>Children the user is allocated to.</summary>
    Caseload,

    /// <summary>No identifiable records; pseudonymised data only.</summary>
    Pseudonymised,
}
