using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>
/// An officer opens a child outside their need-to-know with a reason and writes in the child's sharing ledger; the
/// Caldicott Guardian then finds the opening in the report of unusual access, reads the child's access history and
/// marks the opening reviewed. axe on every page.
/// </summary>
public abstract class InformationGovernanceJourneyTests(BrowserHost browser)
{
    private static int _serial = 600;

    private const string Reason = "Call from the police about a missing child: checking school and contacts";

    [Fact]
    public async Task An_officer_breaks_the_glass_and_records_a_share_and_the_caldicott_guardian_reviews_it()
    {
        var child = TestWorld.NewChild("Skye", $"Glass{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(TestWorld.Today.Year - 11, 2, 2), Sex.Female, 5302,
            Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = browser.Host.World.Primary.Id, StartDate = TestWorld.Today.AddYears(-4), Type = EnrolmentType.Single });
        await using (var db = browser.Host.CreateDbContext())
        {
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));

        // Found only by exact UPN, marked as outside the officer's need-to-know.
        await page.GotoAsync("/children");
        await page.GetByLabel("Name or UPN").FillAsync(child.Upn!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results [data-access=outside]")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#results tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Open a record outside your need-to-know");
        await page.GetByLabel("Why do you need to open this record?").FillAsync(Reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#opened-with-reason")).ToContainTextAsync(Reason);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#sharing-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consents and information sharing");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#record-share").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record information shared");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record information shared" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was shared");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("What was shared").FillAsync("School, address and attendance this week");
        await page.GetByLabel("Who it was shared with").FillAsync("Testshire Police, missing persons unit");
        await BrowserSteps.FillDateAsync(page, "SharedOn", TestWorld.Today);
        await page.GetByLabel("Without consent: risk of harm").CheckAsync();
        await page.GetByLabel("Why it was shared (required without consent)").FillAsync("Child reported missing overnight; police need her school and contacts to find her");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record information shared" }).ClickAsync();
        await Assertions.Expect(page.Locator("#shares")).ToContainTextAsync("Testshire Police, missing persons unit");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/children/{child.Id}/access");
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync(Reason);
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.SignOutAsync(page);

        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.CaldicottGuardian));
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Child’s UPN").FillAsync(child.Upn!);
        await page.GetByRole(AriaRole.Button, new() { Name = "See who has seen the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync(Reason);
        await Assertions.Expect(page.Locator("#shares")).ToContainTextAsync("Testshire Police, missing persons unit");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/audit/unusual-access");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Unusual access");
        await Accessibility.AssertNoViolationsAsync(page);
        var opening = page.Locator(".govuk-summary-card", new() { Has = page.Locator($"text={Reason}") });
        await opening.GetByLabel("Note of your review (optional)").FillAsync("Reason checked with the officer's manager: appropriate");
        await opening.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { Has = page.Locator($"text={Reason}") }).Locator("[data-field=review]"))
            .ToContainTextAsync("Reason checked with the officer's manager: appropriate");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class InformationGovernanceJourneyTestsOnSqlite(SqliteBrowserHost host) : InformationGovernanceJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class InformationGovernanceJourneyTestsOnPostgres(PostgresBrowserHost host) : InformationGovernanceJourneyTests(host);
