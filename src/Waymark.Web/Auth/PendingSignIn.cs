using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Auth;

public sealed record PendingUser(WaymarkUser User, string ReturnUrl);

/// <summary>
/// The half-signed-in state between a correct password and the second factor: a cookie of its own
/// scheme (so it is never taken for a session), data-protected, ending 5 minutes after the password
/// and bound to the user's security stamp, so ending their sessions ends it too.
/// </summary>
public sealed class PendingSignIn(WaymarkDbContext db)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static Task StartAsync(HttpContext http, WaymarkUser user, string returnUrl)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(WaymarkAuth.StampClaim, user.SecurityStamp ?? "")],
            WaymarkAuth.PendingScheme);
        return http.SignInAsync(WaymarkAuth.PendingScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { RedirectUri = returnUrl, IsPersistent = false, AllowRefresh = false });
    }

    /// <summary>The user part-way through signing in on this browser, or null if there is none, it is too old, or it no longer holds.</summary>
    public async Task<PendingUser?> ResumeAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(WaymarkAuth.PendingScheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var userId = result.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = result.Principal.FindFirstValue(WaymarkAuth.StampClaim);
        var user = userId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null || !user.IsActive || user.SecurityStamp != stamp)
        {
            return null;
        }

        return new PendingUser(user, result.Properties?.RedirectUri ?? "/");
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(WaymarkAuth.PendingScheme);
}
