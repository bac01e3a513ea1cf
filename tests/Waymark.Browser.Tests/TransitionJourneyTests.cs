using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Hosting;
using static Waymark.Browser.Tests.BrowserSteps;

namespace Waymark.Browser.Tests;

/// <summary>
/// One child through the whole transition programme, in Chromium, by the people who do each step,
/// with axe-core on every page they see: proposal and confirmation, the school's Transition Lead,
/// the profile, three meetings (a fourth refused), an intervention, consent and sharing, the passport
/// as a PDF, acknowledgement by the secondary school, and a flagged Year 7 review.
/// </summary>
public abstract class TransitionJourneyTests(BrowserHost browser)
{
    private const string ChildWords = "I like drawing dragons and I am good at making friends";
    private const string Safeguarding = "Journey: restricted safeguarding context for the LA only";

    [Fact]
    public async Task One_child_from_proposal_to_a_flagged_year_7_review()
    {
        var host = browser.Host;
        var world = host.World;
        var child = world.NewPrimaryPupil("Poppy", "Turner");
        child.Statuses[0].Type = ChildStatusType.ChildProtectionPlan;
        await using (var db = host.CreateDbContext())
        {
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        var today = host.Clock.UkToday();

        // The LA officer proposes the cohort and confirms Poppy, records her secondary school and the restricted context.
        await SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));
        await page.GetByRole(AriaRole.Link, new() { Name = "Transition", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cohort board");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "The cohort: propose, confirm or remove children" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose this year's cohort" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("proposed for the programme");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Confirm or remove Poppy Turner" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Confirm in the cohort").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Agreed with the social worker at the transition panel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("In cohort");
        await Accessibility.AssertNoViolationsAsync(page);
        var overview = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Change secondary school" }).ClickAsync();
        await page.GetByLabel("Secondary school", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = world.Secondary.Name });
        await page.GetByLabel("Place accepted").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#destination")).ToContainTextAsync(world.Secondary.Name);

        await page.GetByRole(AriaRole.Link, new() { Name = "Family context and professionals involved" }).ClickAsync();
        await page.GetByLabel("Safeguarding context").FillAsync(Safeguarding);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Family context and professionals involved saved");

        await page.GotoAsync("/transition/interventions/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Resilience programme for the journey");
        await page.GetByLabel("Usual provider (optional)").FillAsync("Eastmoor Educational Psychology");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add intervention" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/transition/leads/{world.Primary.Urn}");
        await page.GetByLabel("Full name").FillAsync("Rachel Greenwood");
        await page.GetByRole(AriaRole.Button, new() { Name = "Name Transition Lead" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Rachel Greenwood");
        await Accessibility.AssertNoViolationsAsync(page);
        await SignOutAsync(page);

        // The primary's Transition Lead writes the profile with Poppy, holds three meetings, enrols her and records consent.
        await SignInAsync(page, TestWorld.EmailFor(Role.TransitionLead));
        await page.GetByRole(AriaRole.Link, new() { Name = "Transition", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#cohort")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#cohort").GetByRole(AriaRole.Link, new() { Name = "Poppy Turner" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sections")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sections")).Not.ToContainTextAsync(Safeguarding);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "About me" }).ClickAsync();
        await page.GetByLabel("What people like and admire about me").FillAsync(ChildWords);
        await page.GetByLabel("What is important to me").FillAsync("My big sister and our dog");
        await page.GetByLabel("How best to support me").FillAsync("Tell me before things change");
        await page.GetByLabel("Yes, this section is complete").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Assertions.Expect(page.Locator("#section-about-me-status")).ToHaveTextAsync("Completed");

        for (var meeting = 1; meeting <= 3; meeting++)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Arrange a meeting" }).ClickAsync();
            await FillDateAsync(page, "Date", today);
            await page.GetByLabel("Start time").FillAsync("15:30");
            await page.GetByLabel("Venue").FillAsync("Larkfield Primary School, meeting room");
            await page.Locator("#invitee-1-role").SelectOptionAsync(new SelectOptionValue { Label = "Parent or carer" });
            await page.Locator("#invitee-1-name").FillAsync("Kerry Turner");
            await page.Locator("#invitee-2-role").SelectOptionAsync(new SelectOptionValue { Label = "Social worker" });
            await page.Locator("#invitee-2-name").FillAsync("Dana Reid");
            if (meeting == 1)
            {
                await Accessibility.AssertNoViolationsAsync(page);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
            await page.GotoAsync(overview);
        }

        await Assertions.Expect(page.Locator("#meetings ~ .govuk-inset-text")).ToContainTextAsync("the most the programme offers");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Arrange a meeting" })).ToHaveCountAsync(0);
        await page.GotoAsync(overview + "/meetings/new");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("the most the programme offers");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync(overview);
        await page.Locator("#meetings ~ table a").First.ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the meeting" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Kerry Turner (parent or carer)" }).GetByLabel("Attended").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Dana Reid (social worker)" }).GetByLabel("Sent a written update").CheckAsync();
        await page.Locator("#WhatsWorking").FillAsync("Poppy has made a good friend in her class");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync(overview);
        await page.GetByRole(AriaRole.Link, new() { Name = "Enrol on an intervention" }).ClickAsync();
        await page.GetByLabel("Resilience programme for the journey").CheckAsync();
        await FillDateAsync(page, "StartDate", today);
        await page.GetByLabel("Sessions planned").FillAsync("10");
        await page.GetByLabel("Sessions attended").FillAsync("0");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();
        await page.GotoAsync(overview);
        await Assertions.Expect(page.Locator("#interventions ~ table")).ToContainTextAsync("Resilience programme for the journey");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record consent to share" }).ClickAsync();
        await page.GetByLabel("Name of the person who gave consent").FillAsync("Kerry Turner");
        await page.GetByLabel("Parent", new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "GivenOn", today);
        await page.GetByLabel("The purpose of sharing was explained to them, and they agreed to it").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await page.GotoAsync(overview);
        await Assertions.Expect(page.Locator("#share")).ToContainTextAsync($"Shared with {world.Secondary.Name}");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Shared with secondary");

        await page.GetByRole(AriaRole.Link, new() { Name = "View and print the passport" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ChildWords);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(Safeguarding);
        await Accessibility.AssertNoViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "download the passport as a PDF" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal("transition-passport.pdf", download.SuggestedFilename);
        await SignOutAsync(page);

        // The secondary school's Transition Lead sees what was shared, not what is restricted, and acknowledges it.
        await SignInAsync(page, world.SecondaryTransitionLead.Email!);
        await page.GetByRole(AriaRole.Link, new() { Name = "Transition", Exact = true }).ClickAsync();
        await page.Locator("#incoming").GetByRole(AriaRole.Link, new() { Name = "Poppy Turner" }).ClickAsync();
        // Wait for the child's page itself: the absence checks below would pass on the list we came from.
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Shared with secondary");
        await Assertions.Expect(page.Locator("#meetings")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Family context and professionals involved" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "About me" }).ClickAsync();
        await Assertions.Expect(page.Locator("#answers q").First).ToHaveTextAsync(ChildWords);
        await Accessibility.AssertNoViolationsAsync(page);
        var restricted = await page.GotoAsync(overview + "/profile/family-and-professionals");
        Assert.Equal(403, restricted!.Status);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(Safeguarding);
        await page.GotoAsync(overview);
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Received by secondary");
        await Accessibility.AssertNoViolationsAsync(page);
        await SignOutAsync(page);

        // October of Year 7: Poppy is on the secondary's roll (as the schools' systems would record) and the six-week review is due.
        var year7 = new DateOnly(TestWorld.ThisYear.StartYear + 1, 10, 20);
        await using (var db = host.CreateDbContext())
        {
            var primary = await db.Enrolments.SingleAsync(e => e.ChildId == child.Id);
            primary.EndDate = new DateOnly(year7.Year, 7, 22);
            db.Enrolments.Add(new Enrolment { ChildId = child.Id, SchoolId = world.Secondary.Id, StartDate = new DateOnly(year7.Year, 9, 1), Type = EnrolmentType.Single });
            await db.SaveChangesAsync();
        }

        host.Clock.Offset = year7.ToDateTime(new TimeOnly(12, 0)) - DateTime.Now;
        try
        {
            await SignInAsync(page, world.SecondaryTransitionLead.Email!);
            await page.GetByRole(AriaRole.Link, new() { Name = "Transition", Exact = true }).ClickAsync();
            await page.Locator("#year-7").GetByRole(AriaRole.Link, new() { Name = "Poppy Turner" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Record six-week review" }).ClickAsync();
            await FillDateAsync(page, "HeldOn", year7);
            await page.GetByLabel("Settling in", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Attendance in Year 6 (%)").FillAsync("95.2");
            await page.GetByLabel("Attendance in Year 7 so far (%)").FillAsync("86.5");
            await page.GetByLabel("Suspensions in Year 7").FillAsync("0");
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("flagged to the Transition Lead and the LA");
            await Assertions.Expect(page.Locator("#follow-up + dl")).ToContainTextAsync("Flagged");
            await Accessibility.AssertNoViolationsAsync(page);
            await SignOutAsync(page);

            await SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));
            await page.GotoAsync("/transition/board");
            await Assertions.Expect(page.Locator("#flagged")).ToContainTextAsync("Poppy Turner");
            await Accessibility.AssertNoViolationsAsync(page);
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class TransitionJourneyTestsOnSqlite(SqliteBrowserHost host) : TransitionJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class TransitionJourneyTestsOnPostgres(PostgresBrowserHost host) : TransitionJourneyTests(host);
