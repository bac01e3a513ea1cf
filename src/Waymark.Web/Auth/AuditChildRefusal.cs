using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;

namespace Waymark.Web.Auth;

/// <summary>
/// On a page whose route names a child ({childId}), a signed-in user refused by the page's policy is put on the
/// record against that child, as pages do for children outside a user's scope.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuditChildRefusalAttribute(string page) : Attribute
{
    public string Page { get; } = page;
}

/// <summary>Audits refusals on pages marked <see cref="AuditChildRefusalAttribute"/>, then answers as usual (403).</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && context.GetEndpoint()?.Metadata.GetMetadata<AuditChildRefusalAttribute>() is { } page
            && Guid.TryParse(context.GetRouteValue("childId") as string, out var childId)
            && await context.RequestServices.GetRequiredService<WaymarkDbContext>().Children.AnyAsync(c => c.Id == childId, context.RequestAborted))
        {
            var role = Policies.RoleOf(context.User) is Role r ? Roles.CommandName(r) : "no role";
            await context.RequestServices.GetRequiredService<Auditor>()
                .RecordNowAsync(AuditActions.ChildRefused, childId, $"{page.Page}: not permitted for {role}", ct: context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
