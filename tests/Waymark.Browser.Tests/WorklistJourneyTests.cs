using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The Link Co-ordinator's worklist in Chromium: the list, one entry handled with a note, a school-led plan recorded; axe on each page.</summary>
public abstract class WorklistJourneyTests(BrowserHost browser)
{
    [Fact]
    public async Task An_LA_officer_filters_the_worklist_records_a_plan_and_marks_an_entry_handled()
    {
        var world = browser.Host.World;
        var summary = $"Absent without permission for ten school days in a row ({Guid.NewGuid():N})";
        long alertId;
        await using (var db = browser.Host.CreateDbContext())
        {
            var alert = new AttendanceAlert
            {
                ChildId = world.SecondaryChild.Id, SchoolId = world.Secondary.Id, Kind = AlertKind.PossiblyMissingEducation,
                Key = $"{world.Secondary.Id}:{Guid.NewGuid():N}", Owner = AlertOwner.LocalAuthority, Summary = summary, RaisedOn = TestWorld.Today,
            };
            db.AttendanceAlerts.Add(alert);
            await db.SaveChangesAsync();
            alertId = alert.Id;
        }

        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));
        await page.GotoAsync("/attendance/worklist");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Attendance worklist");
        await Accessibility.AssertNoViolationsAsync(page);

        // The filters are a plain GET form.
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Possibly missing education" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync(summary);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/attendance/worklist/{alertId}");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync(summary);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#record-plan").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a school-led attendance support plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Who leads the plan").FillAsync("Sam Patel, attendance lead");
        await BrowserSteps.FillDateAsync(page, "StartedOn", TestWorld.Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plans")).ToContainTextAsync("led by Sam Patel, attendance lead");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as handled" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Note-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("What was done").FillAsync("Home visit: the family has moved to Leeds; CME referral made");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as handled" }).ClickAsync();

        // Back on the worklist with the success message; the entry keeps the note.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Attendance worklist");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("marked as handled");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync($"/attendance/worklist/{alertId}");
        await Assertions.Expect(page.Locator("#note")).ToHaveTextAsync("Home visit: the family has moved to Leeds; CME referral made");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Handled");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class WorklistJourneyTestsOnSqlite(SqliteBrowserHost host) : WorklistJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class WorklistJourneyTestsOnPostgres(PostgresBrowserHost host) : WorklistJourneyTests(host);
