using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waymark.Data;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Api;

public sealed class ApiTokenOptions : AuthenticationSchemeOptions;

/// <summary>Why a call's token was not accepted: said in WWW-Authenticate and the problem details, and audited.</summary>
public enum TokenRefusal
{
    Missing,
    Malformed,
    Unknown,
    Expired,
    Revoked,
}

/// <summary>The failure <see cref="ApiTokenHandler"/> reports, carrying why and (when known) whose token it was.</summary>
public sealed class ApiTokenRejectedException(TokenRefusal refusal, Guid? integrationId, string? integrationName)
    : Exception($"The API token was refused: {refusal}")
{
    public TokenRefusal Refusal { get; } = refusal;

    public Guid? IntegrationId { get; } = integrationId;

    public string? IntegrationName { get; } = integrationName;
}

/// <summary>
/// Authenticates an API call by its bearer token (RFC 6750): the token's SHA-256 must be an integration's, not revoked
/// and not expired. The integration then acts as its role and school, so the ordinary scoping rules apply to it, and
/// the audit names it as the actor (<see cref="IntegrationActors"/>). A refused token is answered 401 with
/// WWW-Authenticate and problem details; a missing scope 403.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<ApiTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder, TimeProvider clock)
    : AuthenticationHandler<ApiTokenOptions>(options, logger, encoder)
{
    /// <summary>Last use is written at most this often, so a busy integration does not write on every call.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Refuse(TokenRefusal.Missing, null);
        }

        const string bearer = "Bearer ";
        var token = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : null;
        if (!IntegrationRules.LooksLikeToken(token))
        {
            return Refuse(TokenRefusal.Malformed, null);
        }

        var db = Context.RequestServices.GetRequiredService<WaymarkDbContext>();
        var hash = ApiTokens.Hash(token!);
        var integration = await db.ApiIntegrations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, Context.RequestAborted);
        if (integration is null)
        {
            return Refuse(TokenRefusal.Unknown, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (integration.IsRevoked)
        {
            return Refuse(TokenRefusal.Revoked, integration);
        }

        if (integration.HasExpired(now))
        {
            return Refuse(TokenRefusal.Expired, integration);
        }

        if (integration.LastUsedAtUtc is not DateTime last || now - last >= LastUseResolution)
        {
            // Straight to the row, past the change tracker: last use is not a change anyone made to a record.
            var ip = Context.Connection.RemoteIpAddress?.ToString();
            await db.ApiIntegrations.Where(i => i.Id == integration.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastUsedAtUtc, now).SetProperty(i => i.LastUsedFromIp, ip), Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalFor(integration), Scheme.Name));
    }

    /// <summary>The integration as the app's services see a user: its actor id, name, role, school and scopes.</summary>
    public static ClaimsPrincipal PrincipalFor(ApiIntegration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, IntegrationActors.ActorId(integration.Id)),
            new(ClaimTypes.Name, integration.Name),
            new(ClaimTypes.Role, Roles.CommandName(integration.Role)),
            new(ApiAuth.IntegrationClaim, integration.Id.ToString("D")),
        };
        if (integration.SchoolId is int schoolId)
        {
            claims.Add(new Claim(WaymarkAuth.SchoolClaim, schoolId.ToString(CultureInfo.InvariantCulture)));
        }

        claims.AddRange(integration.ScopeList.Select(s => new Claim(ApiAuth.ScopeClaim, ApiScopes.Name(s))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static AuthenticateResult Refuse(TokenRefusal refusal, ApiIntegration? integration) =>
        AuthenticateResult.Fail(new ApiTokenRejectedException(refusal, integration?.Id, integration?.Name));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var rejected = result.Failure as ApiTokenRejectedException ?? new ApiTokenRejectedException(TokenRefusal.Missing, null, null);
        var (error, detail) = rejected.Refusal switch
        {
            TokenRefusal.Missing => ((string?)null, "Send the integration's token in the Authorization header: \"Bearer wmk_...\". A signed-in session does not work here."),
            TokenRefusal.Malformed => ("invalid_token", "The Authorization header is not \"Bearer\" followed by a Waymark token."),
            TokenRefusal.Unknown => ("invalid_token", "The token is not recognised."),
            TokenRefusal.Expired => ("invalid_token", "The token has expired. Ask an LA administrator for a new one."),
            TokenRefusal.Revoked => ("invalid_token", "The token has been revoked. Ask an LA administrator for a new one."),
            _ => throw new InvalidOperationException($"Unknown refusal {rejected.Refusal}."),
        };

        // RFC 6750 §3: no error code when the request carried no credentials at all.
        Response.Headers.WWWAuthenticate = error is null
            ? $"Bearer realm=\"{ApiAuth.Realm}\""
            : $"Bearer realm=\"{ApiAuth.Realm}\", error=\"{error}\", error_description=\"{detail.Replace("\"", "'", StringComparison.Ordinal)}\"";

        var auditor = Context.RequestServices.GetRequiredService<Auditor>();
        var who = rejected.IntegrationName is { } name ? $"{name}: " : "";
        await auditor.RecordNowAsync(AuditActions.ApiTokenRefused,
            detail: $"{who}{rejected.Refusal.ToString().ToLowerInvariant()} token; {ApiCalls.Describe(Context)}",
            userId: rejected.IntegrationId is Guid id ? IntegrationActors.ActorId(id) : null, ct: Context.RequestAborted);

        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredApiScope>()?.Scope;
        var detail = scope is ApiScope s
            ? $"This integration's token does not have the scope {ApiScopes.Name(s)}."
            : "This integration's token does not allow this.";
        await ApiCalls.RecordAsync(Context, StatusCodes.Status403Forbidden, detail);
        await ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, detail);
    }
}
