using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>A PfA worker takes one young person through their preparing for adulthood checklist, each page passing axe.</summary>
public abstract class AdulthoodJourneyTests(BrowserHost browser)
{
    /// <summary>A 15-year-old with an EHC plan and no school, and a PfA worker, of this test's own.</summary>
    private async Task<(Guid ChildId, string WorkerEmail)> NewYoungPersonAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = browser.Host.CreateDbContext();
        var worker = TestWorld.NewUser($"pfa.{tag}@pfa-browser.test.example", "Nadia Rahman", Role.PfaWorker, null);
        db.Users.Add(worker);
        var child = TestWorld.NewChild("Kai", "Lowther", TestWorld.Today.AddYears(-15).AddDays(-30), Sex.Male, 8700, 1);
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = TestWorld.Today.AddYears(-4) });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return (child.Id, worker.Email!);
    }

    [Fact]
    public async Task A_PfA_worker_records_items_of_the_checklist()
    {
        var (childId, email) = await NewYoungPersonAsync();
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, email);

        await page.GotoAsync("/adulthood");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Preparing for adulthood");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/children/{childId}/adulthood");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Preparing for adulthood");
        await Assertions.Expect(page.Locator("#item-planning-started")).ToContainTextAsync("Overdue");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change Preparing for adulthood planning started" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Preparing for adulthood planning started");
        await Accessibility.AssertNoViolationsAsync(page);

        // Done without an owner or evidence is refused, naming both fields.
        await page.GetByLabel("Done", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter who owns this item");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the evidence that this item is done");
        await Assertions.Expect(page.Locator("#EvidenceNote-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Owner", new() { Exact = true }).FillAsync("Nadia Rahman, Preparing for Adulthood team");
        await page.GetByLabel("Evidence", new() { Exact = true }).FillAsync("Year 9 review focused on adulthood; Kai wants to work with animals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Preparing for adulthood planning started saved");
        await Assertions.Expect(page.Locator("#item-planning-started")).ToContainTextAsync("Done");
        await Assertions.Expect(page.Locator("#item-planning-started")).Not.ToContainTextAsync("Overdue");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change Independent travel training" }).ClickAsync();
        await page.GetByLabel("In progress", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Owner", new() { Exact = true }).FillAsync("Eastmoor travel training team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#item-travel-training")).ToContainTextAsync("In progress");
        await Assertions.Expect(page.Locator("#completion")).ToHaveTextAsync("11%");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class AdulthoodJourneyTestsOnSqlite(SqliteBrowserHost host) : AdulthoodJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class AdulthoodJourneyTestsOnPostgres(PostgresBrowserHost host) : AdulthoodJourneyTests(host);
