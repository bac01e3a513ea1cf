using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;

namespace Waymark.Web.Auth;

public static class WaymarkAuth
{
    public const string Scheme = "waymark";
    public const string ExternalScheme = "waymark-external";
    public const string OidcScheme = "oidc";
    public const string SchoolClaim = "waymark:school";

    public static ClaimsPrincipal CreatePrincipal(WaymarkUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email ?? ""),
            new(ClaimTypes.Role, Roles.CommandName(user.Role)),
            new("waymark:stamp", user.SecurityStamp ?? ""),
        };
        if (user.SchoolId is int schoolId)
        {
            claims.Add(new Claim(SchoolClaim, schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// Runs on every request: role, school and active flag come from the database, not the cookie,
    /// so deactivating a user or changing their role takes effect at once.
    /// </summary>
    public static async Task RefreshFromDatabaseAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue("waymark:stamp");
        var db = context.HttpContext.RequestServices.GetRequiredService<WaymarkDbContext>();
        var user = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);

        // A changed security stamp (password reset, forced sign-out) ends every existing session.
        if (user is null || !user.IsActive || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.ReplacePrincipal(CreatePrincipal(user));
    }
}
