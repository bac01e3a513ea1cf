using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>An SEN case officer takes a child from the request for an EHC needs assessment to the final plan, each page passing axe.</summary>
public abstract class SendJourneyTests(BrowserHost browser)
{
    private static int _next;

    /// <summary>A school of this test's own with one pupil on SEN support, and an SEN case officer of the test's own.</summary>
    private async Task<(Guid ChildId, string OfficerEmail)> NewPupilAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = browser.Host.CreateDbContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8700 + n, Name = $"Hollins Primary {tag}", Phase = SchoolPhase.Primary, Type = "Community school" };
        db.Schools.Add(school);
        var officer = TestWorld.NewUser($"sen.{tag}@send-browser.test.example", "Hollins SEN Officer", Role.SenCaseOfficer, null);
        db.Users.Add(officer);
        var child = TestWorld.NewChild("Ava", "Hollins", new DateOnly(TestWorld.ThisYear.StartYear - 8, 3, 3), Sex.Female, school.EstablishmentNumber, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-2), Type = EnrolmentType.Single });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = TestWorld.Today.AddYears(-1), PrimaryNeed = SenPrimaryNeed.SLCN });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return (child.Id, officer.Email!);
    }

    [Fact]
    public async Task An_sen_officer_takes_a_request_to_the_final_plan()
    {
        var (childId, email) = await NewPupilAsync();
        var today = TestWorld.Today;
        var requested = today.AddDays(-60);
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, email);

        await page.GotoAsync("/send");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("SEN worklist");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/children/{childId}/send");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("EHC pathway");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#record-request").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a request for an EHC needs assessment");
        await Accessibility.AssertNoViolationsAsync(page);

        // Without who asked, it is refused, naming the field.
        await BrowserSteps.FillDateAsync(page, "RequestedOn", requested);
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select who made the request");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("School or college").CheckAsync();
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Request recorded");
        await Assertions.Expect(page.Locator("#ehc-next")).ToContainTextAsync("Decide whether to assess");
        await Assertions.Expect(page.Locator("#ehc-next")).ToContainTextAsync("Overdue");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#record-decision").ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Assess", new() { Exact = true }).CheckAsync();
        await BrowserSteps.FillDateAsync(page, "On", requested.AddDays(40));
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#ehc-stage")).ToContainTextAsync("Assessing");

        await page.Locator("#record-draft").ClickAsync();
        await BrowserSteps.FillDateAsync(page, "On", today.AddDays(-20));
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#ehc-stage")).ToContainTextAsync("Draft plan sent");

        // Too soon after the draft: the family's 15 days are not over.
        await page.Locator("#record-final").ClickAsync();
        await BrowserSteps.FillDateAsync(page, "On", today.AddDays(-10));
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("the family has 15 days from the draft to comment");
        await Assertions.Expect(page.Locator("#On-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.FillDateAsync(page, "On", today);
        await page.Locator("#save").ClickAsync();

        await Assertions.Expect(page.Locator("#ehc-stage")).ToContainTextAsync("Final plan issued");
        await Assertions.Expect(page.Locator("#ehc-plan")).ToContainTextAsync("EHC plan since");
        await Assertions.Expect(page.Locator("#ehc-review-due")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/send/phase-transfers");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Phase transfers for");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SendJourneyTestsOnSqlite(SqliteBrowserHost host) : SendJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class SendJourneyTestsOnPostgres(PostgresBrowserHost host) : SendJourneyTests(host);
