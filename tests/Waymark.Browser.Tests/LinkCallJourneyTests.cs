using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.LinkCalls;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>A Link Co-ordinator prepares a school's call, records it with a child discussed and an agreed action, and sees it on the school's page, each page passing axe.</summary>
public abstract class LinkCallJourneyTests(BrowserHost browser)
{
    private static int _next;

    /// <summary>A school of this test's own, linked to an LA officer of the test's own, with one pupil who has a social worker.</summary>
    private async Task<(int Urn, string OfficerEmail)> NewSchoolAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = browser.Host.CreateDbContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8800 + n, Name = $"Fernlea Primary {tag}", Phase = SchoolPhase.Primary, Type = "Community school" };
        db.Schools.Add(school);
        var officer = TestWorld.NewUser($"link.{tag}@link-browser.test.example", "Fernlea Link Co-ordinator", Role.LaOfficer, null);
        db.Users.Add(officer);
        var child = TestWorld.NewChild("Ava", "Fernlea", new DateOnly(TestWorld.ThisYear.StartYear - 8, 3, 3), Sex.Female, school.EstablishmentNumber, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-2), Type = EnrolmentType.Single });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = TestWorld.Today.AddDays(-20) });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        db.LinkedSchools.Add(new LinkedSchool { SchoolId = school.Id, OfficerUserId = officer.Id, LinkedOn = TestWorld.Today.AddDays(-20), RiskGroup = RiskGroup.HighExcluder, UpdatedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (school.Urn, officer.Email!);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_link_coordinator_prepares_and_records_a_call(bool javaScript)
    {
        var (urn, email) = await NewSchoolAsync();
        var page = await browser.NewPageAsync(javaScript);
        await BrowserSteps.SignInAsync(page, email);
        async Task Axe()
        {
            if (javaScript)
            {
                await Accessibility.AssertNoViolationsAsync(page);
            }
        }

        await page.GotoAsync("/link-calls");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Link Co-ordinator calls");
        await Assertions.Expect(page.Locator("#link-schools")).ToContainTextAsync("Overdue");
        await Axe();
        await page.Locator("#link-schools a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#risk-group")).ToContainTextAsync("High excluder");
        await Axe();

        await page.Locator("#prepare").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Prepare the call");
        await Assertions.Expect(page.Locator("#call-children")).ToContainTextAsync("Ava Fernlea");
        await Assertions.Expect(page.Locator("#call-children")).ToContainTextAsync("New");
        await Axe();

        await page.Locator("#record-call").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record the call");
        await page.GetByLabel("Ava Fernlea").CheckAsync();
        await page.Locator("[id='Actions[0].Description']").FillAsync("Invite the social worker to the next review");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter who from the school took part");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Action 1: enter who will do it");
        await Axe();

        await page.GetByLabel("Who from the school took part").FillAsync("Mrs Patel (SENCo)");
        await page.Locator("[id='Actions[0].Owner']").FillAsync("Mrs Patel");
        await BrowserSteps.FillDateAsync(page, "Actions[0].DueOn", TestWorld.Today.AddDays(7));
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Fortnightly call recorded");
        await Assertions.Expect(page.Locator("#open-actions")).ToContainTextAsync("Invite the social worker to the next review");
        await Assertions.Expect(page.Locator("#next-call")).ToContainTextAsync(TestWorld.Today.AddDays(14).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture));
        await Axe();
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class LinkCallJourneyTestsOnSqlite(SqliteBrowserHost host) : LinkCallJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class LinkCallJourneyTestsOnPostgres(PostgresBrowserHost host) : LinkCallJourneyTests(host);
