using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>Steps every journey takes, done the way a person does them.</summary>
public static class BrowserSteps
{
    /// <summary>
    /// Signs in with the password and, for someone with two-factor (pass <paramref name="host"/>), a code
    /// worked out from their authenticator key as their app would.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password = TestWorld.Password, WaymarkTestHost? host = null)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (host is not null)
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter the code from your authenticator app");
            await EnterCodeAsync(page, await host.CurrentCodeAsync(email));
        }
    }

    public static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Waymark");
    }

    /// <summary>Fills a GOV.UK date input whose day box has the id <paramref name="name"/>.</summary>
    public static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"[id='{name}']").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[id='{name}-month']").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[id='{name}-year']").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
