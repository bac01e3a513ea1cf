using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Waymark.Domain.People;

namespace Waymark.Web.Auth;

/// <summary>Authorisation policies, attached per feature folder in <see cref="Hosting.WaymarkApp"/>.</summary>
public static class Policies
{
    public const string ChildRecords = "child-records";
    public const string UserAdmin = "user-admin";
    public const string Transition = "transition";
    public const string TransitionProgramme = "transition-programme";
    public const string AuditReports = "audit-reports";
    public const string Benchmarking = "benchmarking";

    public static bool CanOpenChildRecords(AuthorizationHandlerContext context) =>
        RoleOf(context.User) is Role role && Roles.CanOpenChildRecords(role);

    public static bool CanAdministerUsers(AuthorizationHandlerContext context) =>
        RoleOf(context.User) is Role role && Roles.CanAdministerUsers(role);

    public static bool CanSeeBenchmarking(AuthorizationHandlerContext context) =>
        RoleOf(context.User) is Role role && Roles.CanSeeBenchmarking(role);

    /// <summary>Who looked at what, users' activity and unusual access: administrators and the Caldicott Guardian.</summary>
    public static bool CanSeeAuditReports(AuthorizationHandlerContext context) =>
        RoleOf(context.User) is Role role && Roles.CanSeeAuditReports(role);

    /// <summary>The LA's view of the whole transition programme: board, cohort, training, catalogue.</summary>
    public static bool CanSeeProgramme(AuthorizationHandlerContext context) =>
        RoleOf(context.User) is Role role && Waymark.Domain.Transitions.TransitionAccess.CanSeeProgramme(role);

    public static Role? RoleOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Role) is string name && Roles.TryParse(name, out var role) ? role : null;
}
