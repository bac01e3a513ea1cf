using Microsoft.Playwright;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>
/// A new administrator sets up an authenticator app at first sign-in, then signs in with its codes and
/// a recovery code, as a person would; axe checks every page.
/// </summary>
public abstract class TwoFactorJourneyTests(BrowserHost browser)
{
    private async Task<string> NewAdministratorAsync()
    {
        var email = $"new.admin.{Guid.NewGuid():N}@test.example";
        await using var db = browser.Host.CreateDbContext();
        db.Users.Add(TestWorld.NewUser(email, "Priya Lomax", Role.LaAdmin, null));
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>axe runs as script in the page, so it checks the pages with JavaScript on; the run without proves the pages work.</summary>
    private static Task AxeAsync(IPage page, bool javaScript) => javaScript ? Accessibility.AssertNoViolationsAsync(page) : Task.CompletedTask;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_administrator_sets_up_two_factor_at_first_sign_in(bool javaScript)
    {
        var email = await NewAdministratorAsync();
        var page = await browser.NewPageAsync(javaScript);

        await BrowserSteps.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-factor authentication");
        await Assertions.Expect(page.Locator(".waymark-qr-code svg")).ToBeVisibleAsync();
        await AxeAsync(page, javaScript);

        // Typing the key instead of scanning: the details open with or without script.
        await page.GetByText("I cannot scan the QR code").ClickAsync();
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);

        await BrowserSteps.EnterCodeAsync(page, "12345");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The code must be 6 digits");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await AxeAsync(page, javaScript);

        await BrowserSteps.EnterCodeAsync(page, TestTotp.CodeAt(key, browser.Host.Clock.GetUtcNow()));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Two-factor authentication is set up");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await AxeAsync(page, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Waymark" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Children at a glance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#two-factor")).ToContainTextAsync("You have 10 unused recovery codes");
        await AxeAsync(page, javaScript);
    }

    [Fact]
    public async Task Codes_and_recovery_codes_at_sign_in_and_signing_out_everywhere()
    {
        var email = await NewAdministratorAsync();
        var setUp = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(setUp, email);
        await setUp.GetByText("I cannot scan the QR code").ClickAsync();
        var key = (await setUp.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await BrowserSteps.EnterCodeAsync(setUp, TestTotp.CodeAt(key, browser.Host.Clock.GetUtcNow()));
        var recoveryCode = await setUp.Locator("#recovery-codes li").First.InnerTextAsync();

        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter the code from your authenticator app");
        await Accessibility.AssertNoViolationsAsync(page);

        await BrowserSteps.EnterCodeAsync(page, TestTotp.WrongCodeAt(key, browser.Host.Clock.GetUtcNow()));
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The code is not correct or has already been used");
        await Assertions.Expect(page.Locator("#Code-error")).ToContainTextAsync("The code is not correct");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter a recovery code");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Recovery code").FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have 9 left");
        await Accessibility.AssertNoViolationsAsync(page);

        // The other browser is signed in too, until this one signs out everywhere.
        await setUp.GetByRole(AriaRole.Button, new() { Name = "Continue to Waymark" }).ClickAsync();
        await Assertions.Expect(setUp.Locator("h1")).ToHaveTextAsync("Children at a glance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign out everywhere");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out of Waymark on every device");
        await Accessibility.AssertNoViolationsAsync(page);
        await setUp.ReloadAsync();
        await Assertions.Expect(setUp.Locator("h1")).ToHaveTextAsync("Sign in to Waymark");
    }

    [Fact]
    public async Task An_administrator_resets_two_factor_and_ends_sessions_from_a_users_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaAdmin), host: browser.Host);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Children at a glance");

        // The administrator's own page: two-factor on, and this session open.
        await page.GotoAsync($"/admin/users/{browser.Host.World.Users[Role.LaAdmin].Id}");
        await Assertions.Expect(page.Locator("#two-factor-status")).ToContainTextAsync("On:");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Reset two-factor authentication for");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "End all sessions" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("End all sessions for");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class TwoFactorJourneyTestsOnSqlite(SqliteBrowserHost host) : TwoFactorJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class TwoFactorJourneyTestsOnPostgres(PostgresBrowserHost host) : TwoFactorJourneyTests(host);
