using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>A Transition Lead arranges, records and follows up person-centred planning meetings, with axe on every page.</summary>
public abstract class MeetingJourneyTests(BrowserHost browser) : IAsyncLifetime
{
    private readonly List<Guid> _children = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The child made for the journey goes afterwards, so other tests see the world as described.</summary>
    public async Task DisposeAsync()
    {
        await using var db = browser.Host.CreateDbContext();
        await db.Children.Where(c => _children.Contains(c.Id)).ExecuteDeleteAsync();
    }

    private static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    private async Task<Transition> NewTransitionAsync()
    {
        await using var db = browser.Host.CreateDbContext();
        var child = browser.Host.World.NewPrimaryPupil("Noah", "Meadows");
        db.Children.Add(child);
        _children.Add(child.Id);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, browser.Host.World.Primary, CohortDecision.Confirmed);
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition;
    }

    private static async Task<IPage> SignInAsync(BrowserHost browser, bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.TransitionLead));
        return page;
    }

    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task ArrangeAsync(IPage page, DateOnly date)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange a meeting" }).ClickAsync();
        await FillDateAsync(page, "Date of the meeting", date);
        await page.GetByLabel("Start time").FillAsync("2:30pm");
        await page.GetByLabel("Venue").FillAsync("Larkfield Primary School, family room");
        await page.GetByRole(AriaRole.Group, new() { Name = "Invitee 1" }).GetByLabel("Name").FillAsync("Kerry Meadows");
        await page.GetByRole(AriaRole.Group, new() { Name = "Invitee 3" }).GetByLabel("Name").FillAsync("Dana Reid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Person-centred planning meeting");
    }

    /// <summary>axe runs as script in the page, so it checks the pages with JavaScript on; the run without proves the forms work.</summary>
    private static Task AxeAsync(IPage page, bool javaScript) => javaScript ? Accessibility.AssertNoViolationsAsync(page) : Task.CompletedTask;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Arrange_three_meetings_record_one_add_and_complete_an_action_and_be_refused_a_fourth(bool javaScript)
    {
        var t = await NewTransitionAsync();
        var page = await SignInAsync(browser, javaScript);
        await page.GotoAsync($"/transition/{t.Id}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange a meeting" }).ClickAsync();
        await AxeAsync(page, javaScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the meeting date");
        await AxeAsync(page, javaScript);
        await page.GotoAsync($"/transition/{t.Id}");

        await ArrangeAsync(page, Today);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Meeting arranged");
        await AxeAsync(page, javaScript);
        var meetingUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the meeting" }).ClickAsync();
        await AxeAsync(page, javaScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether Kerry Meadows attended");
        await AxeAsync(page, javaScript);
        var kerry = page.GetByRole(AriaRole.Group, new() { Name = "Kerry Meadows (parent or carer)" });
        var dana = page.GetByRole(AriaRole.Group, new() { Name = "Dana Reid (social worker)" });
        await kerry.GetByLabel("Attended").CheckAsync();
        await dana.GetByLabel("Sent a delegate").CheckAsync();
        await dana.GetByLabel("Name of the delegate, if they sent one").FillAsync("Chris Moor");
        await page.GetByLabel("What's working").FillAsync("Loves art club");
        await page.GetByLabel("What's important to Noah").FillAsync("\"Keeping my friend Jess\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Held");
        await Assertions.Expect(page.Locator("table[data-attendance-by-role] tr[data-role='total'] td").Last).ToHaveTextAsync("50%");
        await AxeAsync(page, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await AxeAsync(page, javaScript);
        await page.GetByLabel("What needs to be done").FillAsync("Arrange two extra visits");
        await page.GetByLabel("Who will do it").FillAsync("Sam Lee");
        await FillDateAsync(page, "By when", Today.AddDays(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark as done\\W+Arrange two extra visits$") }).ClickAsync();
        await Assertions.Expect(page.Locator("#actions + table")).ToContainTextAsync("Done on");
        await AxeAsync(page, javaScript);

        await page.GotoAsync($"/transition/{t.Id}");
        await ArrangeAsync(page, Today.AddDays(7));
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel the meeting" }).ClickAsync();
        await AxeAsync(page, javaScript);
        await page.GetByLabel("Why is the meeting cancelled?").FillAsync("The family are away");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Cancelled");

        await page.GotoAsync($"/transition/{t.Id}");
        await ArrangeAsync(page, Today.AddDays(8));
        await page.GotoAsync($"/transition/{t.Id}");
        await ArrangeAsync(page, Today.AddDays(9));
        await page.GotoAsync($"/transition/{t.Id}/meetings/new");
        await Assertions.Expect(page.Locator("#cannot-arrange")).ToContainTextAsync("already had 3 person-centred planning meetings");
        await AxeAsync(page, javaScript);
        Assert.StartsWith(browser.Host.BaseAddress.ToString().TrimEnd('/'), meetingUrl, StringComparison.Ordinal);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class MeetingJourneyTestsOnSqlite(SqliteBrowserHost host) : MeetingJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class MeetingJourneyTestsOnPostgres(PostgresBrowserHost host) : MeetingJourneyTests(host);
