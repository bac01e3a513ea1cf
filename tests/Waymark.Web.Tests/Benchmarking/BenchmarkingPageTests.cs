using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Auditing;
using Waymark.Web.Features.Benchmarking;
using Waymark.Web.Imports;

namespace Waymark.Web.Tests.Benchmarking;

/// <summary>
/// The similar-LA admin page and the comparison page, on the shared test world (LA 823, Central Bedfordshire in DfE's
/// file) with DfE's real file imported; per role, on both databases. Similar LAs are put back as they were.
/// </summary>
public abstract class BenchmarkingPageTests(WaymarkTestHost host)
{
    private async Task ImportAsync()
    {
        await using var db = host.CreateDbContext();
        var importer = new DfeAttendanceImporter(db, new Auditor(db, new HttpContextAccessor(), TimeProvider.System), TimeProvider.System);
        Assert.True((await importer.ImportAsync(new MemoryStream(DfeAttendanceFixture.Bytes()), DfeAttendanceFixture.Name)).Succeeded);
    }

    private async Task ChooseAsync(params int[] numbers)
    {
        await using var db = host.CreateDbContext();
        db.SimilarLocalAuthorities.RemoveRange(db.SimilarLocalAuthorities);
        db.SimilarLocalAuthorities.AddRange(numbers.Select(n => new SimilarLocalAuthority { LaNumber = n, AddedAtUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    private static string Cells(AngleSharp.Dom.IElement? row) =>
        string.Join(" | ", row!.Children.Select(c => c.TextContent.Trim()));

    [Fact]
    public async Task The_la_is_shown_beside_national_its_region_and_similar_las_with_its_rank_and_where_each_figure_comes_from()
    {
        await ImportAsync();
        await ChooseAsync(826, 852, 942);
        try
        {
            var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
            var page = await (await officer.GetAsync("/benchmarking?period=202526-Academic+year&phase=Total")).GetDocumentAsync();

            // Read from the file by hand: lines 566 (823), 639 (national), 645 (East of England), 612 (826), 615 (852), 504 (942).
            Assert.Equal("Central Bedfordshire (823) | DfE | 6.7% | 4.9% | 1.8% | 17.5%", Cells(page.QuerySelector("#rates tr[data-source='dfe-la']")));
            Assert.Equal("England | DfE | 6.9% | 4.5% | 2.4% | 18.8%", Cells(page.QuerySelector("#rates tr[data-source='national']")));
            Assert.Equal("East of England | DfE | 6.8% | 4.8% | 2.1% | 18.1%", Cells(page.QuerySelector("#rates tr[data-source='region']")));
            Assert.Equal(
                ["Cumberland (942) | DfE | 6.8% | 4.6% | 2.1% | 17.6%", "Milton Keynes (826) | DfE | 6.5% | 4.6% | 1.9% | 16.9%", "Southampton (852) | DfE | 8.1% | 4.8% | 3.2% | 22.4%"],
                page.QuerySelectorAll("#rates tr[data-source='similar']").Select(Cells));
            // (6.537 + 8.064 + 6.752) / 3 = 7.118; PA (16.90 + 22.41 + 17.64) / 3 = 18.98.
            Assert.StartsWith("Average of the 3 similar LAs | DfE figures, mean of the LAs' rates | 7.1% |", Cells(page.QuerySelector("#rates tr[data-source='similar-average']")), StringComparison.Ordinal);
            Assert.EndsWith("| 19.0%", Cells(page.QuerySelector("#rates tr[data-source='similar-average']")), StringComparison.Ordinal);

            // Ranks counted by hand over the 151 LAs with a published Total (City of London and Scilly are "c").
            var ranks = page.QuerySelectorAll("#ranks tbody tr").Select(Cells).ToList();
            Assert.Equal("Central Bedfordshire (823) | 55th of 151 | 122nd of 151 | 21st of 151 | 37th of 151", ranks[0]);
            Assert.Contains("Southampton (852) | 148th of 151 | 113th of 151 | 129th of 151 | 146th of 151", ranks);

            // Waymark's own row: the existing statistics over the LA's schools for 1 September 2025 to 31 August 2026.
            var statistics = new AttendanceStatistics(host.CreateDbContext());
            var figures = (await statistics.ComputeAsync(new DateOnly(2025, 9, 1), new DateOnly(2026, 8, 31), BenchmarkingReport.InPhase(PublishedPhase.Total)))
                .LocalAuthorities.FirstOrDefault(g => g.Key == 823)?.Figures;
            var waymark = Cells(page.QuerySelector("#rates tr[data-source='waymark']"));
            Assert.StartsWith("Testshire County Council (823) | Waymark, from the register marks | ", waymark, StringComparison.Ordinal);
            Assert.EndsWith(figures is { } f ? $"| {IndexModel.Percent(f.PersistentAbsenceRate)}" : "| no marks held", waymark, StringComparison.Ordinal);

            var sources = page.QuerySelector("#where-from + ul")!.TextContent;
            Assert.Contains("time period 2025/26 (academic year)", sources, StringComparison.Ordinal);
            Assert.Contains("from 1 September 2025 to 31 August 2026", sources, StringComparison.Ordinal);
            Assert.Contains(DfeAttendanceFixture.Name, sources, StringComparison.Ordinal);

            await using var db = host.CreateDbContext();
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.BenchmarkingViewed && e.UserId == host.World.Users[Role.LaOfficer].Id));
        }
        finally
        {
            await ChooseAsync();
        }
    }

    [Fact]
    public async Task A_phase_is_chosen_and_a_bad_choice_is_named()
    {
        await ImportAsync();
        var analyst = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));

        var primary = await (await analyst.GetAsync("/benchmarking?phase=Primary")).GetDocumentAsync();
        var bad = await (await analyst.GetAsync("/benchmarking?phase=Nursery&period=1999")).GetDocumentAsync();

        Assert.Contains("Absence rates, primary, 2025/26", primary.QuerySelector("#rates caption")!.TextContent, StringComparison.Ordinal);
        // Line 27 (823, Primary): overall absence 5.16%.
        Assert.StartsWith("Central Bedfordshire (823) | DfE | 5.2% |", Cells(primary.QuerySelector("#rates tr[data-source='dfe-la']")), StringComparison.Ordinal);
        Assert.NotNull(primary.QuerySelector("#no-similar"));
        Assert.Contains("Choose a phase from the list", bad.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose a period from the list", bad.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<Role> Allowed() => new(Roles.All.Where(Roles.CanSeeBenchmarking));

    public static TheoryData<Role> Refused() => new(Roles.All.Where(r => !Roles.CanSeeBenchmarking(r)));

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task La_roles_and_analysts_see_the_page_and_its_menu_item(Role role)
    {
        await ImportAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var page = await (await client.GetAsync("/benchmarking")).GetDocumentAsync();

        Assert.NotNull(page.QuerySelector("#rates"));
        // Under the Figures menu item, which is marked as the current section here.
        Assert.NotNull(page.QuerySelector("nav .govuk-service-navigation__item--active a[href='/figures']"));
        Assert.NotNull((await (await client.GetAsync("/figures")).GetDocumentAsync()).QuerySelector("#figures a[href='/benchmarking']"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task School_caseload_and_oversight_roles_are_refused(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/benchmarking")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/similar-las")).StatusCode);
        var figures = await client.GetAsync("/figures");
        Assert.Null(figures.StatusCode == HttpStatusCode.OK ? (await figures.GetDocumentAsync()).QuerySelector("#figures a[href='/benchmarking']") : null);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var anonymous = host.CreateClient();
        foreach (var path in new[] { "/benchmarking", "/admin/similar-las" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Role.LaOfficer)]
    [InlineData(Role.AdvisoryTeacher)]
    [InlineData(Role.Analyst)]
    [InlineData(Role.Headteacher)]
    public async Task Only_the_la_administrator_may_choose_similar_las(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var page = await client.GetAsync("/admin/similar-las");
        var forged = await client.PostAsync("/admin/similar-las", new FormUrlEncodedContent(new Dictionary<string, string> { ["similar"] = "852" }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.True(forged.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
        await using var db = host.CreateDbContext();
        Assert.False(await db.SimilarLocalAuthorities.AnyAsync());
    }

    [Fact]
    public async Task The_administrator_chooses_similar_las_checked_against_the_file_and_the_change_is_audited()
    {
        await ImportAsync();
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        try
        {
            var refused = await (await admin.PostFormAsync("/admin/similar-las", new() { ["similar"] = "852, 999, 82x, 823" })).GetDocumentAsync();
            var saved = await admin.PostFormAsync("/admin/similar-las", new() { ["similar"] = "852 826, 942, 852" });
            var again = await admin.PostFormAsync("/admin/similar-las", new() { ["similar"] = "826,852,942" });
            var page = await (await admin.GetAsync("/admin/similar-las")).GetDocumentAsync();

            Assert.Equal("Error: 999 is not a local authority in DfE's imported attendance figures; '82x' is not a 3-digit LA number; 823 is this local authority itself",
                refused.QuerySelector("#similar-error")!.TextContent.Trim());
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal(["826 | Milton Keynes", "852 | Southampton", "942 | Cumberland"], page.QuerySelectorAll("#chosen tbody tr").Select(Cells));
            Assert.Equal("826, 852, 942", page.QuerySelector("#similar")!.GetAttribute("value"));
            await using var db = host.CreateDbContext();
            Assert.Equal([826, 852, 942], await db.SimilarLocalAuthorities.OrderBy(s => s.LaNumber).Select(s => s.LaNumber).ToListAsync());
            var changes = await db.AuditEvents.Where(e => e.Action == AuditActions.SimilarLocalAuthoritiesChanged && e.UserId == host.World.Users[Role.LaAdmin].Id)
                .Select(e => e.Detail).ToListAsync();
            Assert.Contains("from none to 826, 852, 942", changes);
            Assert.DoesNotContain("from 826, 852, 942 to 826, 852, 942", changes);
        }
        finally
        {
            await ChooseAsync();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BenchmarkingPageTestsOnSqlite(SqliteHost fixture) : BenchmarkingPageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class BenchmarkingPageTestsOnPostgres(PostgresHost fixture) : BenchmarkingPageTests(fixture.Host);
