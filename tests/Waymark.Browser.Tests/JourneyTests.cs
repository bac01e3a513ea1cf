using Microsoft.Playwright;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>A person's path through Waymark, clicking real pages, with axe-core checking each one.</summary>
public abstract class JourneyTests(BrowserHost browser)
{
    [Fact]
    public async Task Sign_in_search_open_a_child_and_sign_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await Accessibility.AssertNoViolationsAsync(page);

        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Children at a glance");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Children", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find a child");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Name or UPN").FillAsync("okafor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results caption")).ToContainTextAsync("1 child found");
        Assert.DoesNotContain("okafor", page.Url, StringComparison.OrdinalIgnoreCase);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Okafor, Jayden (known as Jay)" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Jay Okafor");
        Assert.Matches("/children/[0-9a-f-]{36}$", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Hollins Academy" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hollins Academy");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Waymark");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync("/children");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Waymark");
    }

    [Fact]
    public async Task Sign_in_errors_are_accessible_and_linked_to_the_field()
    {
        var page = await browser.NewPageAsync();

        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer), "not the password");

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Administrator_pages_schools_and_static_pages_pass_axe()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaAdmin), host: browser.Host);

        var senco = browser.Host.World.Users[Role.Senco].Id;
        foreach (var path in new[] { "/schools", "/admin/users", "/admin/users/add", $"/admin/users/{senco}", "/sign-out", "/accessibility", "/cookies",
            "/children/00000000-0000-0000-0000-000000000000" })
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync("/admin/users/add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter an email address");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Email address").FillAsync($"new.user.{Guid.NewGuid():N}@test.example");
        await page.GetByLabel("Full name").FillAsync("New User");
        await page.GetByLabel("Role").SelectOptionAsync("la-officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("User added");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_school_user_is_refused_another_schools_child_with_the_styled_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.Headteacher));

        var response = await page.GotoAsync($"/children/{browser.Host.World.SecondaryChild.Id}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have permission to see this page");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Everything_works_without_javascript()
    {
        var page = await browser.NewPageAsync(javaScript: false);

        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));
        await page.GotoAsync("/children");
        await page.GetByLabel("Name or UPN").FillAsync("Clarke");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Clarke, Amelia" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Amelia Clarke");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Waymark");
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteBrowserCollection : ICollectionFixture<SqliteBrowserHost>
{
    public const string Name = "Browser on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresBrowserCollection : ICollectionFixture<PostgresBrowserHost>
{
    public const string Name = "Browser on PostgreSQL";
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class JourneyTestsOnSqlite(SqliteBrowserHost host) : JourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class JourneyTestsOnPostgres(PostgresBrowserHost host) : JourneyTests(host);
