using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The LA administrator's subject access and retention pages in Chromium, each state checked by axe, the bundle's page too.</summary>
public abstract class GovernanceJourneyTests(BrowserHost browser)
{
    private async Task<Waymark.Data.Entities.Child> RichChildAsync(string surname, int yearsOld, int days)
    {
        await using var db = browser.Host.CreateDbContext();
        return await RichChild.CreateAsync(db, browser.Host.World, TestWorld.Today.AddYears(-yearsOld).AddDays(-days), surname: surname);
    }

    [Fact]
    public async Task An_administrator_finds_a_child_and_downloads_their_subject_access_bundle()
    {
        var child = await RichChildAsync("Axe", 12, 3);
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaAdmin), host: browser.Host);

        await page.GetByRole(AriaRole.Link, new() { Name = "Subject access", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Subject access request");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Find child" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a UPN, or the child's name and date of birth");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Child’s name").FillAsync("Rich Axe");
        await BrowserSteps.FillDateAsync(page, "DateOfBirth", child.DateOfBirth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find child" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync(child.Upn!);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#results").GetByRole(AriaRole.Link, new() { Name = "Rich Jo Axe" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rich Jo Axe");
        await Assertions.Expect(page.Locator("#included")).ToContainTextAsync("People invited to planning meetings");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create and download the bundle" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the request reference");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Request reference").FillAsync("SAR-2027-0099");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Create and download the bundle" }).ClickAsync());
        Assert.Equal($"subject-access-{child.Upn}-{TestWorld.Today:yyyyMMdd}.zip", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"waymark-bundle-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        string html;
        using (var zip = ZipFile.OpenRead(path))
        {
            using var reader = new StreamReader(zip.GetEntry("index.html")!.Open());
            html = await reader.ReadToEndAsync();
        }

        File.Delete(path);

        // The bundle's own page is read by the requester too: it must pass the same checks.
        var bundle = await browser.NewPageAsync(javaScript: true);
        await bundle.SetContentAsync(html);
        await Assertions.Expect(bundle.Locator("h1")).ToHaveTextAsync("Information held about Rich Jo Axe");
        await Accessibility.AssertNoViolationsAsync(bundle);
    }

    /// <summary>axe runs as script in the page, so it checks the pages with JavaScript on; the run without proves the forms work.</summary>
    private static Task AxeAsync(IPage page, bool javaScript) => javaScript ? Accessibility.AssertNoViolationsAsync(page) : Task.CompletedTask;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_administrator_deletes_a_due_record_keeps_the_periods_and_places_a_legal_hold(bool javaScript)
    {
        var due = await RichChildAsync(javaScript ? "Expired" : "Lapsed", 26, 5);
        var held = await RichChildAsync(javaScript ? "Kept" : "Retained", 12, 9);
        var page = await browser.NewPageAsync(javaScript);
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaAdmin), host: browser.Host);

        await page.GetByRole(AriaRole.Link, new() { Name = "Retention", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Retention");
        await Assertions.Expect(page.Locator($"input[value='child:{due.Id:N}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"input[value='child:{held.Id:N}']")).ToHaveCountAsync(0);
        await AxeAsync(page, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the records to delete");
        await AxeAsync(page, javaScript);

        await page.Locator($"input[value='child:{due.Id:N}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the records you are deleting");
        await Assertions.Expect(page.Locator("#chosen tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chosen")).ToContainTextAsync($"Rich {due.LegalSurname}");
        await AxeAsync(page, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("1 child's record and 0 attendance register years deleted");
        await Assertions.Expect(page.Locator($"input[value='child:{due.Id:N}']")).ToHaveCountAsync(0);
        await AxeAsync(page, javaScript);
        await using (var db = browser.Host.CreateDbContext())
        {
            Assert.False(await db.Children.AnyAsync(c => c.Id == due.Id));
            Assert.True(await db.Children.AnyAsync(c => c.Id == held.Id));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == due.Id && e.Action == Waymark.Data.Entities.AuditActions.ChildRecordDeleted));
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Change retention periods" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change retention periods");
        await AxeAsync(page, javaScript);
        await page.GetByLabel("Child's record", new() { Exact = true }).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save periods" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("between 1 and 150");
        await AxeAsync(page, javaScript);
        await page.GetByLabel("Child's record", new() { Exact = true }).FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save periods" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("not changed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Legal holds" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Legal holds");
        await AxeAsync(page, javaScript);
        await page.GetByLabel("UPN", new() { Exact = true }).FillAsync(held.Upn!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find child" }).ClickAsync();
        await page.Locator("#results").GetByRole(AriaRole.Link, new() { Name = held.LegalName }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Not on legal hold");
        await AxeAsync(page, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Place legal hold" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the child's record must be kept");
        await AxeAsync(page, javaScript);
        await page.GetByLabel("Why must the record be kept?").FillAsync("Claim CL-7 against the council");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place legal hold" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("On legal hold");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("Claim CL-7");
        await AxeAsync(page, javaScript);

        await page.GetByLabel("Why is the hold being lifted?").FillAsync("Claim CL-7 settled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lift legal hold" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Not on legal hold");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("Claim CL-7 settled");
        await AxeAsync(page, javaScript);
        await using (var db = browser.Host.CreateDbContext())
        {
            // RichChild already has a hold of its own, lifted long ago; this is the one placed here.
            var hold = await db.LegalHolds.SingleAsync(h => h.ChildId == held.Id && h.Reason == "Claim CL-7 against the council");
            Assert.NotNull(hold.LiftedAtUtc);
            Assert.Equal("Claim CL-7 settled", hold.LiftedReason);
            Assert.False(await db.LegalHolds.AnyAsync(h => h.ChildId == held.Id && h.LiftedAtUtc == null));
        }
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class GovernanceJourneyTestsOnSqlite(SqliteBrowserHost host) : GovernanceJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class GovernanceJourneyTestsOnPostgres(PostgresBrowserHost host) : GovernanceJourneyTests(host);
