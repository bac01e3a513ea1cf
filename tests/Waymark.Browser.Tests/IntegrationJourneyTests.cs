using Microsoft.Playwright;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>An LA administrator registers an integration, sees its token once, and revokes it, with axe checking each page.</summary>
public abstract class IntegrationJourneyTests(BrowserHost browser)
{
    [Fact]
    public async Task An_administrator_registers_an_integration_and_revokes_its_token()
    {
        var name = $"Capita One nightly sync {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaAdmin), host: browser.Host);

        await page.GetByRole(AriaRole.Link, new() { Name = "Integrations", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Integrations");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Register an integration" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Register an integration");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Register and show the token" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a name for the integration");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Acts as").SelectOptionAsync("la-officer");
        await page.GetByLabel("children:read").CheckAsync();
        await BrowserSteps.FillDateAsync(page, "LastDay", TestWorld.Today.AddDays(60));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register and show the token" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Integration registered");
        await Assertions.Expect(page.Locator("#token")).ToContainTextAsync("wmk_");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Go to {name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#revoke-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Revoke the token of {name}");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the token" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Revoked");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class IntegrationJourneyTestsOnSqlite(SqliteBrowserHost host) : IntegrationJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class IntegrationJourneyTestsOnPostgres(PostgresBrowserHost host) : IntegrationJourneyTests(host);
