using Waymark.Domain.Integrations;
using Waymark.Domain.People;

namespace Waymark.Data.Entities;

/// <summary>
/// Another system that reads Waymark through the API (e.g. "Capita One nightly sync"), registered by an LA
/// administrator. It acts with a role (and, for school roles, a school), so the same scoping rules as for people decide
/// which children it sees; its <see cref="Scopes"/> decide what it may read about them. Its bearer token is shown once
/// and kept only as a SHA-256 hash, with a short prefix in the clear to recognise it by.
/// </summary>
public class ApiIntegration
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The role whose data scope it acts with (<see cref="IntegrationRules.RolesItMayActAs"/>).</summary>
    public Role Role { get; set; }

    /// <summary>For a school role: the school whose roll it sees.</summary>
    public int? SchoolId { get; set; }

    public School? School { get; set; }

    /// <summary>Permission scopes, as <see cref="ApiScopes.Format"/> writes them: "children:read attendance:read".</summary>
    public required string Scopes { get; set; }

    /// <summary>The token's first characters, e.g. "wmk_3fQx9aBc", to tell tokens apart; not enough to use it.</summary>
    public required string TokenPrefix { get; set; }

    /// <summary>SHA-256 of the whole token. The token is random (32 bytes), so a plain hash cannot be reversed by guessing.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>The token stops working at this instant: midnight (UK time) at the end of its last day.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public WaymarkUser? CreatedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public string? RevokedByUserId { get; set; }

    public WaymarkUser? RevokedBy { get; set; }

    /// <summary>When a call last authenticated with the token (written at most once a minute).</summary>
    public DateTime? LastUsedAtUtc { get; set; }

    public string? LastUsedFromIp { get; set; }

    public IReadOnlyList<ApiScope> ScopeList => ApiScopes.ParseList(Scopes);

    public bool IsRevoked => RevokedAtUtc is not null;

    public bool HasExpired(DateTime nowUtc) => nowUtc >= ExpiresAtUtc;
}
