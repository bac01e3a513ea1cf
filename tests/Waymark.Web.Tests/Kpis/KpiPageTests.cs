using System.Net;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Kpis;

/// <summary>
/// The KPI pages for every role, the refusals, and suppression and auditing on a school of the test's own: three
/// pupils on roll and two suspensions today, so the suspension rate is 2 per 3 pupils (66.67 per 100), which LA users
/// see whole on screen and school staff and every download see as "c".
/// </summary>
public abstract class KpiPageTests(WaymarkTestHost host)
{
    private static int _next;

    private async Task<(School School, WaymarkUser Head)> SeedAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var school = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8700 + n, Name = $"KPI Secondary {n} {Guid.NewGuid().ToString("N")[..6]}",
            Phase = SchoolPhase.Secondary, Type = "Community school",
        };
        var head = TestWorld.NewUser($"kpi.head.{n}.{Guid.NewGuid():N}@test.example", "Kim Target", Role.Headteacher, school);
        var pupils = Enumerable.Range(1, 3).Select(i =>
        {
            var child = TestWorld.NewChild($"Kpi{i}", "Pupil", new DateOnly(TestWorld.ThisYear.StartYear - 13, 2, i), Sex.Male, school.EstablishmentNumber, i);
            child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.ThisYear.Start.AddYears(-1), Type = EnrolmentType.Single });
            return child;
        }).ToList();
        pupils[0].Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = TestWorld.ThisYear.Start.AddYears(-2) });

        await using var db = host.CreateDbContext();
        db.Schools.Add(school);
        db.Users.Add(head);
        db.Children.AddRange(pupils);
        await db.SaveChangesAsync();
        foreach (var child in pupils.Take(2))
        {
            db.Suspensions.Add(new Suspension
            {
                ChildId = child.Id, SchoolId = school.Id, Kind = ExclusionKind.Suspension, StartDate = TestWorld.Today, FirstSession = Session.AM,
                Sessions = 2, Reason1 = "PP", RecordedByUserId = head.Id, RecordedAtUtc = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return (school, head);
    }

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_sees_the_KPIs_only_as_its_scope_allows(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var scope = Roles.ScopeOf(role);
        var allowed = scope is DataScope.LocalAuthority or DataScope.SendCohort or DataScope.School or DataScope.Pseudonymised;
        var school = scope == DataScope.School;

        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["/kpis"] = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            ["/kpis/persistent-absence?phase=primary"] = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            // The world's school users are at the primary (900001); the secondary is another school's.
            ["/kpis/suspension-rate?school=900001"] = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            ["/kpis/suspension-rate?school=900002"] = !allowed ? HttpStatusCode.Forbidden : school ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            ["/kpis/no-such-indicator"] = HttpStatusCode.NotFound,
        };

        foreach (var (path, status) in expected)
        {
            var response = await client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{Roles.CommandName(role)} on {path}: expected {(int)status}, got {(int)response.StatusCode}");
        }

        var home = await (await client.GetAsync("/")).GetDocumentAsync();
        // KPIs, benchmarking and evaluation share one menu item, Figures, whose page links to what the role may open.
        Assert.Equal(allowed, home.QuerySelector(".govuk-service-navigation a[href='/figures']") is not null);
        var figures = await client.GetAsync("/figures");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, figures.StatusCode);
        if (allowed)
        {
            var links = (await figures.GetDocumentAsync()).QuerySelectorAll("#figures a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("/kpis", links);
            Assert.Equal(Roles.CanSeeBenchmarking(role), links.Contains("/benchmarking"));
            Assert.Equal(Waymark.Web.Features.Evaluation.EvaluationAccess.CanEvaluate(role), links.Contains("/evaluation"));
            Assert.Equal(role is Role.LaAdmin or Role.LaOfficer, links.Contains("/kpis/targets"));
        }
    }

    [Fact]
    public async Task The_dashboard_shows_each_indicator_with_its_definition_target_and_status_in_words()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var page = await (await client.GetAsync("/kpis")).GetDocumentAsync();

        foreach (var indicator in Waymark.Domain.Kpis.Indicators.All)
        {
            var row = page.QuerySelector($"#kpis tr[data-indicator='{indicator.Code}']");
            Assert.NotNull(row);
            Assert.Contains(indicator.Definition, row!.TextContent, StringComparison.Ordinal);
        }

        // Every row has a status in words: a GOV.UK tag when it has a target, "Not rated" when not.
        foreach (var status in page.QuerySelectorAll("#kpis td[data-figure='status']"))
        {
            Assert.Matches("On track|Slightly behind|Off track|Not rated", status.TextContent);
        }
    }

    [Fact]
    public async Task LA_staff_see_a_small_school_whole_but_its_head_sees_c()
    {
        var (school, head) = await SeedAsync();
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var headClient = await host.SignedInClientAsync(head.Email!);

        var la = await (await officer.GetAsync($"/kpis/suspension-rate?phase=secondary&school={school.Urn}")).GetDocumentAsync();
        var own = await (await headClient.GetAsync("/kpis/suspension-rate?phase=secondary")).GetDocumentAsync();

        Assert.Equal("66.67", Cell(la, "#by-school", school.Name, "value"));
        Assert.Equal("2", Cell(la, "#by-school", school.Name, "numerator"));
        Assert.Equal("3", Cell(la, "#by-school", school.Name, "denominator"));
        Assert.Equal("c", Cell(own, "#by-school", school.Name, "value"));
        Assert.Equal("c", Cell(own, "#by-school", school.Name, "numerator"));
        Assert.Equal("c", Cell(own, "#by-vulnerable-group", ChildStatusTypes.DisplayName(ChildStatusType.LookedAfter), "value"));
        // The head's page is their school's alone: no other school is listed.
        Assert.Single(own.QuerySelectorAll("#by-school tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await headClient.GetAsync($"/kpis/suspension-rate?school={host.World.Secondary.Urn}")).StatusCode);
    }

    [Fact]
    public async Task Every_download_is_suppressed_and_audited_whoever_asks()
    {
        var (school, _) = await SeedAsync();
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var csv = await officer.GetAsync($"/kpis/suspension-rate?phase=secondary&school={school.Urn}&table=by-school&format=csv");
        var xlsx = await officer.GetAsync($"/kpis/suspension-rate?phase=secondary&school={school.Urn}&table=by-school&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("School,Value,Numerator,Denominator", lines[0]);
        Assert.Equal($"{school.Name},c,c,c", lines[1]);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = book.Worksheets.First();
        Assert.Equal(school.Name, sheet.Cell(2, 1).GetString());
        Assert.Equal("c", sheet.Cell(2, 2).GetString());

        await using var db = host.CreateDbContext();
        var officerId = host.World.Users[Role.LaOfficer].Id;
        var audited = await db.AuditEvents.Where(a => a.UserId == officerId && a.Action == AuditActions.TableDownloaded && a.Detail!.Contains(school.Name))
            .Select(a => a.Detail!).ToListAsync();
        Assert.Contains(audited, d => d.Contains("(CSV)", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.Contains("(XLSX)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_download_of_an_unknown_table_or_format_is_not_found_and_not_audited()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kpis/suspension-rate?table=by-nothing&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kpis/suspension-rate?table=by-school&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kpis?format=exe")).StatusCode);
    }

    [Fact]
    public async Task The_indicator_page_has_a_trend_chart_with_a_name_and_a_table_alternative()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var page = await (await client.GetAsync("/kpis/overall-absence?phase=secondary")).GetDocumentAsync();

        var svg = page.QuerySelector("svg#trend-chart");
        Assert.NotNull(svg);
        Assert.Equal("img", svg!.GetAttribute("role"));
        Assert.Equal("trend-chart-title trend-chart-desc", svg.GetAttribute("aria-labelledby"));
        Assert.NotNull(page.QuerySelector("details #trend-chart-table"));
        Assert.Contains("Possible sessions", page.QuerySelector("#definition")!.TextContent, StringComparison.Ordinal);
    }

    private static string Cell(IHtmlDocument page, string table, string group, string figure) =>
        page.QuerySelectorAll($"{table} tbody tr").Single(r => r.GetAttribute("data-group") == group)
            .QuerySelector($"[data-figure='{figure}']")!.TextContent.Trim();
}

[Collection(SqliteCollection.Name)]
public sealed class KpiPageTestsOnSqlite(SqliteHost fixture) : KpiPageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class KpiPageTestsOnPostgres(PostgresHost fixture) : KpiPageTests(fixture.Host);
