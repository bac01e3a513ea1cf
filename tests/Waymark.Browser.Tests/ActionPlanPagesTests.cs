using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>An LA officer rates an action for this term and prints the termly report, each page passing axe.</summary>
public abstract class ActionPlanPagesTests(BrowserHost browser)
{
    [Fact]
    public async Task An_officer_rates_an_action_and_the_termly_report_prints_without_the_service_chrome()
    {
        int id, number = 2_000_000 + Random.Shared.Next(1_000_000);
        await using (var db = browser.Host.CreateDbContext())
        {
            var action = new PlanAction { Number = number, Priority = ActionPriority.TeamsWork, Title = "Link Co-ordinators call every school", Lead = "Fran Shaul" };
            action.Milestones.Add(new PlanMilestone { Text = "Standing items agreed", TargetDate = TestWorld.Today.AddDays(-10) });
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            id = action.Id;
        }

        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));
        await page.GotoAsync("/figures");
        await page.GetByRole(AriaRole.Link, new() { Name = "Strategy action plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Strategy action plan");
        await Assertions.Expect(page.Locator($"#action-{number}")).ToContainTextAsync("overdue");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/action-plan/actions/{id}");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Progress this term").FillAsync("Two schools still to agree standing items");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("rated amber");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/action-plan/report");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(SchoolTerms.Containing(TestWorld.Today).ToString());
        await Assertions.Expect(page.Locator($"#action-{number}")).ToContainTextAsync("Two schools still to agree standing items");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".govuk-back-link")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".govuk-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class ActionPlanPagesTestsOnSqlite(SqliteBrowserHost host) : ActionPlanPagesTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class ActionPlanPagesTestsOnPostgres(PostgresBrowserHost host) : ActionPlanPagesTests(host);
