using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Auth;

public sealed record OidcSettings(bool Enabled, string DisplayName, string? TenantId = null, bool RequireMfa = true);

public sealed record ExternalSignInOutcome(WaymarkUser? User, string? Problem, string AuditDetail);

/// <summary>
/// Decides which Waymark account, if any, a council identity-provider sign-in belongs to. Accounts are
/// matched on the provider's immutable subject, never on a mutable email or username; the email is used
/// only once, to link an administrator-created account, and only when it is verified and in the
/// council's tenant.
/// </summary>
public sealed class ExternalAccountLinker(WaymarkDbContext db, UserManager<WaymarkUser> users, OidcSettings settings)
{
    public const string LoginProvider = "oidc";

    public const string NoAccountProblem =
        "You signed in to your council account, but it is not linked to an active Waymark account. Ask your Waymark administrator.";

    public async Task<ExternalSignInOutcome> ResolveAsync(ClaimsPrincipal external)
    {
        var subjectClaim = external.FindFirst("oid") ?? external.FindFirst("sub");
        if (subjectClaim is null)
        {
            return Refuse(NoAccountProblem, "no subject claim");
        }

        var providerKey = $"{subjectClaim.Issuer}|{subjectClaim.Value}";
        if (settings.TenantId is string tenant && external.FindFirst("tid")?.Value != tenant)
        {
            return Refuse(NoAccountProblem, $"wrong tenant {external.FindFirst("tid")?.Value}");
        }

        if (settings.RequireMfa && !external.FindAll("amr").Any(c => c.Value == "mfa"))
        {
            return Refuse("Waymark needs you to sign in to your council account with multi-factor authentication. Sign out of it and try again.",
                "no multi-factor authentication");
        }

        var user = await users.FindByLoginAsync(LoginProvider, providerKey);
        if (user is null)
        {
            var email = external.FindFirst("email")?.Value;
            if (email is null || external.FindFirst("email_verified")?.Value == "false")
            {
                return Refuse(NoAccountProblem, "no verified email to link by");
            }

            var normalised = email.Trim().ToUpperInvariant();
            user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised);
            if (user is null)
            {
                return Refuse(NoAccountProblem, $"no account for {email}");
            }

            if (!user.IsActive)
            {
                return Refuse(NoAccountProblem, "account deactivated");
            }

            if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == LoginProvider))
            {
                return Refuse(NoAccountProblem, $"{email} is already linked to another council identity");
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, providerKey, settings.DisplayName));
            if (!linked.Succeeded)
            {
                return Refuse(NoAccountProblem, "link failed: " + string.Join("; ", linked.Errors.Select(e => e.Description)));
            }
        }

        if (!user.IsActive)
        {
            return Refuse(NoAccountProblem, "account deactivated");
        }

        return new ExternalSignInOutcome(user, null, "council account");
    }

    private static ExternalSignInOutcome Refuse(string problem, string detail) => new(null, problem, detail);
}
