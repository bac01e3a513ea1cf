using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>
/// A headteacher records a suspension of a child with a social worker through the real pages, fixes an
/// error on the way, and the social worker finds the notification; axe checks every page.
/// </summary>
public abstract class SuspensionJourneyTests(BrowserHost browser)
{
    [Fact]
    public async Task A_headteacher_records_a_suspension_and_the_social_worker_is_told()
    {
        // A school and pupil of the test's own, so the shared world's rolls stay as other tests count them.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 6900, Name = $"Castle Hill School {tag}", Phase = SchoolPhase.Secondary, Type = "Community school" };
        var head = TestWorld.NewUser($"head.{tag}@test.example", "Nadia Brennan", Role.Headteacher, school);
        var socialWorker = TestWorld.NewUser($"sw.{tag}@test.example", "Owen Price", Role.SocialWorker, null);
        var child = TestWorld.NewChild("Leah", $"Foster{tag}", new DateOnly(TestWorld.ThisYear.StartYear - 12, 6, 1), Sex.Female, 6900, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-1), Type = EnrolmentType.Single });
        child.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, User = socialWorker, StartDate = TestWorld.Today.AddMonths(-2) });
        await using (var db = browser.Host.CreateDbContext())
        {
            db.Schools.Add(school);
            db.Users.AddRange(head, socialWorker);
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, head.Email!);
        await page.GotoAsync($"/children/{child.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suspensions and exclusions" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Suspensions and exclusions");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a suspension or exclusion" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a suspension or exclusion");
        await Accessibility.AssertNoViolationsAsync(page);

        // Missing the reason first: the error summary links to the field.
        var start = SchoolDays.Add(TestWorld.Today, 0);
        await page.GetByLabel("Suspension", new() { Exact = true }).CheckAsync();
        await BrowserSteps.FillDateAsync(page, "StartDate", start);
        await page.GetByLabel("Length of a suspension, in school days").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one reason");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Main reason").SelectOptionAsync("PD");
        await page.GetByLabel("Second reason (optional)").SelectOptionAsync("VA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Suspension from");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("social worker or virtual school has been told");
        await Assertions.Expect(page.Locator("#provision-due")).ToContainTextAsync("Alternative provision is due from");
        await Accessibility.AssertNoViolationsAsync(page);

        await BrowserSteps.FillDateAsync(page, "ProvisionFrom", SuspensionRules.SixthSchoolDay(start));
        await page.GetByLabel("Provided by").FillAsync("Eastmoor Pupil Referral Unit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alternative provision" }).ClickAsync();
        await Assertions.Expect(page.Locator("#provision")).ToContainTextAsync("Eastmoor Pupil Referral Unit");
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.SignOutAsync(page);

        await BrowserSteps.SignInAsync(page, socialWorker.Email!);
        await Assertions.Expect(page.Locator("#unread-notifications")).ToContainTextAsync("1");
        await page.Locator("#notifications-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Leah Foster{tag} has been suspended" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("6 school days");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SuspensionJourneyTestsOnSqlite(SqliteBrowserHost host) : SuspensionJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class SuspensionJourneyTestsOnPostgres(PostgresBrowserHost host) : SuspensionJourneyTests(host);
