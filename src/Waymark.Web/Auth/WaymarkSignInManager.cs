using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waymark.Data.Entities;

namespace Waymark.Web.Auth;

/// <summary>
/// Identity's sign-in manager, used only for its password check and lockout. Waymark never remembers a
/// browser for two-factor, and has no "remember me" cookie scheme for Identity to look in.
/// </summary>
public sealed class WaymarkSignInManager(
    UserManager<WaymarkUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WaymarkUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<WaymarkUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WaymarkUser> confirmation)
    : SignInManager<WaymarkUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // With two-factor on, a correct password alone then leaves the failed-attempt count alone: it is
    // cleared only when the second factor passes, so wrong codes and wrong passwords add up.
    public override Task<bool> IsTwoFactorClientRememberedAsync(WaymarkUser user) => Task.FromResult(false);
}
