namespace Waymark.Data.Entities;

/// <summary>The council that runs this Waymark instance. One row per database.</summary>
public class LocalAuthority
{
    public int Id { get; set; }

    /// <summary>3-digit DfE LA number, e.g. 823.</summary>
    public int Code { get; set; }

    public required string Name { get; set; }

    /// <summary>True when the data is the fictional demo LA, so the console may print demo sign-ins.</summary>
    public bool IsDemo { get; set; }
}
