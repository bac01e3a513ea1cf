using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;

namespace Waymark.Web.Auth;

public static class WaymarkAuth
{
    public const string Scheme = "waymark";
    public const string ExternalScheme = "waymark-external";

    /// <summary>The short-lived cookie between a correct password and the second factor (<see cref="PendingSignIn"/>).</summary>
    public const string PendingScheme = "waymark-pending";
    public const string OidcScheme = "oidc";
    public const string SchoolClaim = "waymark:school";
    public const string SessionClaim = "waymark:session";
    public const string StampClaim = "waymark:stamp";

    /// <summary>A session ends after this long without a request (the cookie slides within it).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>However active, a session ends this long after sign-in: a working day.</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(10);

    public static ClaimsPrincipal CreatePrincipal(WaymarkUser user, Guid sessionId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email ?? ""),
            new(ClaimTypes.Role, Roles.CommandName(user.Role)),
            new(StampClaim, user.SecurityStamp ?? ""),
            new(SessionClaim, sessionId.ToString()),
        };
        if (user.SchoolId is int schoolId)
        {
            claims.Add(new Claim(SchoolClaim, schoolId.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// The one way anyone signs in, whatever proved who they are: a server-side session, the audit
    /// line and the cookie, together.
    /// </summary>
    public static async Task SignInAsync(HttpContext http, WaymarkUser user, string method)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<WaymarkDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(), UserId = user.Id, CreatedAtUtc = now, IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        db.UserSessions.Add(session);
        user.LastSignedInAtUtc = now;
        services.GetRequiredService<Auditor>().Record(AuditActions.SignIn, detail: method, userId: user.Id);
        await db.SaveChangesAsync();
        await http.SignInAsync(Scheme, CreatePrincipal(user, session.Id));
    }

    public static async Task SignOutAsync(HttpContext http, string reason)
    {
        if (http.User.FindFirstValue(SessionClaim) is string value && Guid.TryParse(value, out var sessionId))
        {
            var services = http.RequestServices;
            var db = services.GetRequiredService<WaymarkDbContext>();
            var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId);
            if (session is not null && session.EndedAtUtc is null)
            {
                session.EndedAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                session.EndReason = reason;
            }

            services.GetRequiredService<Auditor>().Record(AuditActions.SignOut, detail: reason);
            await db.SaveChangesAsync();
        }

        await http.SignOutAsync(Scheme);
    }

    /// <summary>
    /// Ends every open session of the user on the server and changes their security stamp, so no cookie
    /// or half-finished sign-in of theirs works again, on any device. Returns how many sessions were open.
    /// </summary>
    public static async Task<int> EndAllSessionsAsync(IServiceProvider services, WaymarkUser user, string reason)
    {
        var db = services.GetRequiredService<WaymarkDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAtUtc == null).ToListAsync();
        foreach (var session in open)
        {
            session.EndedAtUtc = now;
            session.EndReason = reason;
        }

        // Saves the ended sessions with the new stamp.
        var result = await services.GetRequiredService<UserManager<WaymarkUser>>().UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The sessions could not be ended: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return open.Count;
    }

    /// <summary>
    /// Runs on every request: the session must still be open on the server, and role, school and
    /// active flag come from the database, not the cookie, so deactivating a user or changing their
    /// role takes effect at once.
    /// </summary>
    public static async Task RefreshFromDatabaseAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(StampClaim);
        var hasSession = Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var sessionId);
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<WaymarkDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var user = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
        var session = hasSession ? await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId) : null;

        var valid = user is not null && user.IsActive && user.SecurityStamp == stamp
            && session is not null && session.UserId == user.Id && session.EndedAtUtc is null
            && now - session.CreatedAtUtc < AbsoluteTimeout;
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.ReplacePrincipal(CreatePrincipal(user!, sessionId));
    }
}
