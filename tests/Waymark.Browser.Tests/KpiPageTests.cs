using Microsoft.Playwright;
using Waymark.Domain.Kpis;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>
/// The KPIs in Chromium: an LA officer goes from the menu to the dashboard, opens an indicator, reads the chart's table
/// alternative, sets a target on the form (refused first, then saved) and sees it rated; each page checked by axe.
/// </summary>
public abstract class KpiPageTests(BrowserHost browser)
{
    [Fact]
    public async Task An_officer_reads_an_indicator_and_its_chart_table_and_sets_a_target()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));

        await page.GetByRole(AriaRole.Link, new() { Name = "Figures", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Key performance indicators", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Key performance indicators");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator($"#kpis tr[data-indicator='{Indicators.OverallAbsence.Code}'][data-phase='Primary'] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Overall absence rate in primary schools");
        // The chart is a named image; its figures are in a table behind a details element that works without script.
        await Assertions.Expect(page.Locator("svg#trend-chart")).ToHaveAttributeAsync("role", "img");
        var table = page.Locator("#trend-chart-table");
        await Assertions.Expect(table).Not.ToBeVisibleAsync();
        await page.Locator("details:has(#trend-chart-table) summary").ClickAsync();
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/kpis");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set or change the targets" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator($"#targets tr[data-indicator='{Indicators.EarlyHelpReviewsOnTime.Code}'] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Indicators.EarlyHelpReviewsOnTime.Name);

        await page.GetByLabel("Baseline year").SelectOptionAsync(new SelectOptionValue { Label = "2022/23" });
        await page.GetByLabel("Baseline value (%)").FillAsync("80");
        await page.GetByLabel("Target year").SelectOptionAsync(new SelectOptionValue { Label = "2021/22" });
        await page.GetByLabel("Target value (%)").FillAsync("70");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save target" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("The target year must be after the baseline year");
        await Assertions.Expect(summary).ToContainTextAsync("Higher is better for early help plan reviews on time, so the target cannot be below the baseline");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Target year").SelectOptionAsync(new SelectOptionValue { Label = "2027/28" });
        await page.GetByLabel("Target value (%)").FillAsync("95");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save target" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been saved");
        var row = page.Locator($"#targets tr[data-indicator='{Indicators.EarlyHelpReviewsOnTime.Code}']");
        await Assertions.Expect(row.Locator("[data-figure='target']")).ToHaveTextAsync("95 by 2027/28");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/kpis");
        var status = page.Locator($"#kpis tr[data-indicator='{Indicators.EarlyHelpReviewsOnTime.Code}'] [data-figure='status']");
        await Assertions.Expect(status).ToContainTextAsync(new System.Text.RegularExpressions.Regex("On track|Slightly behind|Off track|Not rated"));

        // Put the world back as it was for other tests.
        await page.GotoAsync($"/kpis/targets/{Indicators.EarlyHelpReviewsOnTime.Code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove this target" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-figure='target']")).ToHaveTextAsync("None set");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class KpiPageTestsOnSqlite(SqliteBrowserHost host) : KpiPageTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class KpiPageTestsOnPostgres(PostgresBrowserHost host) : KpiPageTests(host);
