using Microsoft.AspNetCore.Authorization;
using Waymark.Domain.Integrations;

namespace Waymark.Web.Api;

/// <summary>
/// The API's own authentication scheme and policies. Only /api uses the scheme, and the API's policies name only it, so a
/// signed-in person's cookie never reaches the API and a token never reaches the web pages (whose fallback policy names
/// only the cookie scheme).
/// </summary>
public static class ApiAuth
{
    public const string Scheme = "waymark-api";

    /// <summary>The realm in WWW-Authenticate (RFC 6750).</summary>
    public const string Realm = "waymark";

    /// <summary>One claim per permission scope the token has, named as OAuth names them.</summary>
    public const string ScopeClaim = "scope";

    public const string IntegrationClaim = "waymark:integration";

    /// <summary>Any integration with a usable token, whatever its scopes (the answer for a path the API does not have).</summary>
    public const string AnyIntegrationPolicy = "api";

    public static string PolicyFor(ApiScope scope) => "api:" + ApiScopes.Name(scope);

    public static void AddPolicies(AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.AddPolicy(AnyIntegrationPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(PolicyFor(scope), p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireClaim(ScopeClaim, ApiScopes.Name(scope)));
        }
    }

    public static bool IsApiRequest(HttpContext context) =>
        context?.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>The permission scope an API endpoint needs: read by the 403 answer and the OpenAPI document.</summary>
public sealed record RequiredApiScope(ApiScope Scope);
