namespace Waymark.Data.Auditing;

/// <summary>
/// How the audit log names an integration (<see cref="Entities.ApiIntegration"/>) as the one who acted: in
/// <see cref="Entities.AuditEvent.UserId"/>, as "integration:" and its id. No user's id takes that form (they are
/// GUIDs), the column is hashed into the chain like any other, and the audit screens name the integration from it.
/// </summary>
public static class IntegrationActors
{
    public const string Prefix = "integration:";

    public static string ActorId(Guid integrationId) => Prefix + integrationId.ToString("D");

    /// <summary>The integration an audit entry's actor names, or null when the actor is a person (or nobody).</summary>
    public static Guid? IntegrationOf(string? actorId) =>
        actorId is not null && actorId.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(actorId.AsSpan(Prefix.Length), "D", out var id)
            ? id
            : null;
}
