using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>Starts sign-in with the council's identity provider, when one is configured.</summary>
public sealed class CouncilSignInModel(OidcSettings oidc) : WaymarkPageModel
{
    public IActionResult OnGet() => oidc.Enabled
        ? Challenge(new AuthenticationProperties { RedirectUri = "/sign-in/external" }, WaymarkAuth.OidcScheme)
        : NotFound();
}
