using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Kpis;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Kpis;

/// <summary>
/// The LA sets its targets on a GOV.UK form: who may, what is refused and why, and that each change is audited and
/// reaches the dashboard. Uses the transition passport indicator, which no other test gives a target.
/// </summary>
public abstract class KpiTargetTests(WaymarkTestHost host)
{
    private static readonly string Path = $"/kpis/targets/{Indicators.TransitionPassportsShared.Code}";

    private static Dictionary<string, string> Form(string baselineYear, string baseline, string targetYear, string target) => new()
    {
        ["baseline-year"] = baselineYear, ["baseline-value"] = baseline, ["target-year"] = targetYear, ["target-value"] = target,
    };

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_LA_administrators_and_officers_may_set_targets(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var allowed = role is Role.LaAdmin or Role.LaOfficer;

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/kpis/targets")).StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync(Path)).StatusCode);
        if (!allowed)
        {
            // A post without the form is refused before anything is read or saved.
            var post = await client.PostAsync(Path, new FormUrlEncodedContent(Form("2020", "10", "2026", "90")));
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{role}: {(int)post.StatusCode}");
        }

        var kpis = await client.GetAsync("/kpis");
        if (kpis.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(allowed, (await kpis.GetDocumentAsync()).QuerySelector("a[href='/kpis/targets']") is not null);
        }
    }

    [Fact]
    public async Task Unknown_indicators_and_phases_are_not_found()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kpis/targets/no-such-indicator")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kpis/targets/overall-absence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kpis/targets/overall-absence?phase=nursery")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Path}?phase=primary")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/kpis/targets/overall-absence?phase=Secondary")).StatusCode);
    }

    [Fact]
    public async Task A_target_is_set_changed_and_removed_each_change_audited_and_shown_on_the_dashboard()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var officerId = host.World.Users[Role.LaOfficer].Id;

        var set = await client.PostFormAsync(Path, Form("2020", "40.5%", "2026", "95"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/kpis/targets", set.Headers.Location!.OriginalString);

        await using (var db = host.CreateDbContext())
        {
            var saved = await db.KpiTargets.AsNoTracking().SingleAsync(t => t.IndicatorCode == Indicators.TransitionPassportsShared.Code);
            Assert.Equal((2020, 40.5m, 2026, 95m, null), (saved.BaselineYear, saved.BaselineValue, saved.TargetYear, saved.TargetValue, saved.Phase));
            Assert.Equal(officerId, saved.UpdatedByUserId);
        }

        var list = await (await client.GetAsync("/kpis/targets")).GetDocumentAsync();
        var row = list.QuerySelector($"#targets tr[data-indicator='{Indicators.TransitionPassportsShared.Code}']")!;
        Assert.Equal("40.5 in 2020/21", row.QuerySelector("[data-figure='baseline']")!.TextContent.Trim());
        Assert.Equal("95 by 2026/27", row.QuerySelector("[data-figure='target']")!.TextContent.Trim());
        var dashboard = await (await client.GetAsync("/kpis")).GetDocumentAsync();
        var onDashboard = dashboard.QuerySelector($"#kpis tr[data-indicator='{Indicators.TransitionPassportsShared.Code}'] [data-figure='target']")!;
        Assert.Equal(["95", "by 2026/27, from 40.5 in 2020/21"], onDashboard.Children.Length == 2 ? [onDashboard.FirstChild!.TextContent.Trim(), onDashboard.Children[1].TextContent.Trim()] : []);

        // The same values again change nothing and audit nothing.
        await client.PostFormAsync(Path, Form("2020", "40.50", "2026", "95"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Path, Form("2020", "40.5", "2026", "100"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{Path}?handler=Remove", [], Path)).StatusCode);

        await using var check = host.CreateDbContext();
        Assert.False(await check.KpiTargets.AnyAsync(t => t.IndicatorCode == Indicators.TransitionPassportsShared.Code));
        var audited = await check.AuditEvents.Where(a => a.UserId == officerId && a.Action == AuditActions.KpiTargetChanged && a.Detail!.StartsWith("Transition cohort"))
            .OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync();
        Assert.Equal(
        [
            "Transition cohort with a shared passport: from no target to 40.5 in 2020/21 to 95 by 2026/27",
            "Transition cohort with a shared passport: from 40.5 in 2020/21 to 95 by 2026/27 to 40.5 in 2020/21 to 100 by 2026/27",
            "Transition cohort with a shared passport: from 40.5 in 2020/21 to 100 by 2026/27 to no target",
        ], audited);
    }

    [Fact]
    public async Task Each_problem_is_shown_against_its_field_and_nothing_is_saved()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        async Task<Dictionary<string, string>> ErrorsAsync(Dictionary<string, string> form)
        {
            var response = await client.PostFormAsync("/kpis/targets/overall-absence?phase=primary", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.GetDocumentAsync();
            Assert.NotNull(page.QuerySelector(".govuk-error-summary"));
            return page.QuerySelectorAll(".govuk-error-message").ToDictionary(e => e.Id!.Replace("-error", "", StringComparison.Ordinal), e => e.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        }

        Assert.Equal(new Dictionary<string, string>
        {
            ["baseline-year"] = "Select the baseline year", ["baseline-value"] = "Enter the baseline value",
            ["target-year"] = "Select the target year", ["target-value"] = "Enter the target value",
        }, await ErrorsAsync(Form("", "", "", "")));
        Assert.Equal(new Dictionary<string, string>
        {
            ["baseline-value"] = "Enter the value as a number, like 4.1", ["target-value"] = "A percentage cannot be more than 100",
        }, await ErrorsAsync(Form("2018", "four", "2023", "101")));
        Assert.Equal(new Dictionary<string, string>
        {
            ["target-year"] = "The target year must be after the baseline year",
            ["target-value"] = "Lower is better for overall absence rate, so the target cannot be above the baseline",
        }, await ErrorsAsync(Form("2018", "4.1", "2018", "4.5")));

        await using var db = host.CreateDbContext();
        var primary = await db.KpiTargets.AsNoTracking().Where(t => t.IndicatorCode == "overall-absence").ToListAsync();
        Assert.DoesNotContain(primary, t => t.BaselineValue == 4.1m && t.TargetYear == 2018);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KpiTargetTestsOnSqlite(SqliteHost fixture) : KpiTargetTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class KpiTargetTestsOnPostgres(PostgresHost fixture) : KpiTargetTests(fixture.Host);
