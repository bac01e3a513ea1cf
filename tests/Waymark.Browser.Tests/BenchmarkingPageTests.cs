using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The LA beside others and the similar-LA page in Chromium, reached from the menu, each checked by axe.</summary>
public abstract class BenchmarkingPageTests(BrowserHost browser)
{
    private static PublishedAttendance Row(GeographicLevel level, string code, string name, int? la, decimal overall, decimal pa) => new()
    {
        TimePeriod = 202526, TimeIdentifier = "Academic year", Level = level, AreaCode = code, AreaName = name, LaNumber = la,
        RegionCode = level == GeographicLevel.National ? null : "E12000006", RegionName = level == GeographicLevel.National ? null : "East of England",
        Phase = PublishedPhase.Total, OverallAbsenceRate = overall, AuthorisedAbsenceRate = overall - 2, UnauthorisedAbsenceRate = 2, PersistentAbsenceRate = pa,
        SourceFile = "browser-test.csv", ImportedAtUtc = DateTime.UtcNow,
    };

    private async Task PublishedFiguresAsync()
    {
        await using var db = browser.Host.CreateDbContext();
        if (await db.PublishedAttendance.AnyAsync())
        {
            return;
        }

        db.PublishedAttendance.AddRange(
            Row(GeographicLevel.National, "E92000001", "England", null, 6.9m, 18.8m),
            Row(GeographicLevel.Regional, "E12000006", "East of England", null, 6.8m, 18.1m),
            Row(GeographicLevel.LocalAuthority, "E06000056", "Central Bedfordshire", 823, 6.7m, 17.5m),
            Row(GeographicLevel.LocalAuthority, "E06000042", "Milton Keynes", 826, 6.5m, 16.9m));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_administrator_chooses_a_similar_la_and_the_comparison_passes_axe()
    {
        await PublishedFiguresAsync();
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaAdmin), host: browser.Host);

        await page.GotoAsync("/admin/similar-las");
        await page.GetByLabel("LA numbers of the similar local authorities").FillAsync("826, 999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save similar local authorities" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("999 is not a local authority in DfE's imported attendance figures");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("LA numbers of the similar local authorities").FillAsync("826");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save similar local authorities" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chosen")).ToContainTextAsync("Milton Keynes");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Figures", Exact = true }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "The LA beside others", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The LA beside others");
        await Assertions.Expect(page.Locator("#rates")).ToContainTextAsync("Milton Keynes (826)");
        await Assertions.Expect(page.Locator("#ranks")).ToContainTextAsync("2nd of 2");
        await Accessibility.AssertNoViolationsAsync(page);

        // The choice is a plain GET form: no JavaScript needed.
        await page.GetByLabel("Phase").SelectOptionAsync("Primary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rates caption")).ToContainTextAsync("primary");
        await Accessibility.AssertNoViolationsAsync(page);

        await using var db = browser.Host.CreateDbContext();
        db.SimilarLocalAuthorities.RemoveRange(db.SimilarLocalAuthorities);
        await db.SaveChangesAsync();
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class BenchmarkingPageTestsOnSqlite(SqliteBrowserHost host) : BenchmarkingPageTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class BenchmarkingPageTestsOnPostgres(PostgresBrowserHost host) : BenchmarkingPageTests(host);
