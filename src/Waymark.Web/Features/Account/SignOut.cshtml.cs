using Microsoft.AspNetCore.Mvc;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

public sealed class SignOutModel : WaymarkPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await WaymarkAuth.SignOutAsync(HttpContext, "signed out");
        return Redirect("/sign-in?signedOut=true");
    }
}
