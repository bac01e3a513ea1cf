using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>An attendance lead records a reduced timetable and its first review through the pages, each one passing axe.</summary>
public abstract class ReducedTimetableJourneyTests(BrowserHost browser)
{
    private static int _next;

    /// <summary>A school of this test's own with an attendance lead and one pupil, so shared rolls stay as they are.</summary>
    private async Task<(Guid ChildId, string LeadEmail)> NewPupilAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = browser.Host.CreateDbContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8600 + n, Name = $"Fernside {tag}", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
        db.Schools.Add(school);
        var lead = TestWorld.NewUser($"lead.{tag}@rt-browser.test.example", "Fernside Attendance Lead", Role.AttendanceLead, school);
        db.Users.Add(lead);
        var child = TestWorld.NewChild("Noah", "Fenwick", new DateOnly(TestWorld.ThisYear.StartYear - 12, 6, 6), Sex.Male, school.EstablishmentNumber, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-1), Type = EnrolmentType.Single });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return (child.Id, lead.Email!);
    }

    [Fact]
    public async Task A_school_records_a_timetable_and_a_review()
    {
        var (childId, email) = await NewPupilAsync();
        var today = TestWorld.Today;
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, email);

        await page.GotoAsync($"/children/{childId}/reduced-timetables");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reduced timetables");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a reduced timetable" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a reduced timetable");
        await Accessibility.AssertNoViolationsAsync(page);

        // Without the parent's agreement it is refused, naming the fields.
        await BrowserSteps.FillDateAsync(page, "StartDate", today.AddDays(-2));
        await BrowserSteps.FillDateAsync(page, "PlannedEndDate", today.AddDays(26));
        await page.GetByLabel("Hours a week in school").FillAsync("12.5");
        await page.GetByLabel("Emotional wellbeing or school avoidance (EBSA)").CheckAsync();
        await page.GetByLabel("Plan back to full-time education").FillAsync("Two weeks of mornings, then add an afternoon a week; full time by the planned end");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Outcome of considering early help (if considered)").FillAsync("Early help assessment started with the family");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record reduced timetable" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("cannot be recorded without a parent’s agreement");
        await Assertions.Expect(page.Locator("#ParentAgreedBy-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Parent who agreed").FillAsync("Dawn Fenwick (mother)");
        await BrowserSteps.FillDateAsync(page, "ParentAgreedOn", today.AddDays(-3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record reduced timetable" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Reduced timetable recorded");
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("Dawn Fenwick (mother)");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record a review" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a review");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Who attended").FillAsync("Noah, Dawn Fenwick (mother), head of year");
        await page.GetByLabel("Outcome", new() { Exact = true }).FillAsync("Managing mornings well; add Wednesday afternoons");
        await page.GetByLabel("New hours a week (optional)").FillAsync("15");
        await BrowserSteps.FillDateAsync(page, "NextReviewOn", today.AddDays(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Review recorded");
        await Assertions.Expect(page.Locator("#reviews")).ToContainTextAsync("Managing mornings well");
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("15 of 32.5 (started at 12.5)");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class ReducedTimetableJourneyTestsOnSqlite(SqliteBrowserHost host) : ReducedTimetableJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class ReducedTimetableJourneyTestsOnPostgres(PostgresBrowserHost host) : ReducedTimetableJourneyTests(host);
