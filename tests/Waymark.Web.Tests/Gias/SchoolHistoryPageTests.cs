using System.Net;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Gias;

/// <summary>
/// A school's page shows its GIAS predecessors and successors, to every role (school details are public); and an
/// enrolment at the predecessor gives the successor's staff no view of the child. Schools, children and users are the
/// tests' own, so the shared world's figures stay as they were.
/// </summary>
public abstract class SchoolHistoryPageTests(WaymarkTestHost host)
{
    public static TheoryData<Role> AllRoles() => new(Roles.All);

    private sealed record History(School Predecessor, School Academy, int OutsideUrn, Child StillAtPredecessor, WaymarkUser AcademyHead, WaymarkUser PredecessorHead);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<WaymarkTestHost, Lazy<Task<History>>> Histories = new();

    private Task<History> HistoryAsync() => Histories.GetOrAdd(host, h => new Lazy<Task<History>>(() => CreateAsync(h))).Value;

    /// <summary>
    /// A community school that closed on 31 August last year and converted to an academy the next day, linked both ways as
    /// GIAS links them, plus a predecessor of the community school that is not in the register. One child was left on
    /// the community school's roll (no pupil import has moved them).
    /// </summary>
    private static async Task<History> CreateAsync(WaymarkTestHost host)
    {
        var closedOn = new DateOnly(TestWorld.Today.Year - 1, 8, 31);
        var predecessor = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 2950, Name = "Fernhill Community Primary School", Phase = SchoolPhase.Primary,
            Type = "Community school", Status = SchoolStatus.Closed, CloseDate = closedOn,
        };
        var academy = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 2950, Name = "Fernhill Primary Academy", Phase = SchoolPhase.Primary,
            Type = "Academy converter", Status = SchoolStatus.Open, OpenDate = closedOn.AddDays(1), Street = "Fern Lane", Town = "Testborough", Postcode = "TE6 5FH",
        };
        var outsideUrn = TestWorld.NextUrn();
        predecessor.Links.Add(new SchoolLink { LinkedUrn = academy.Urn, LinkedName = academy.Name, LinkType = "Successor", EstablishedOn = closedOn });
        predecessor.Links.Add(new SchoolLink { LinkedUrn = outsideUrn, LinkedName = "Fernhill Infant School", LinkType = "Predecessor - amalgamated", EstablishedOn = new DateOnly(2005, 9, 1) });
        academy.Links.Add(new SchoolLink { LinkedUrn = predecessor.Urn, LinkedName = predecessor.Name, LinkType = "Predecessor", EstablishedOn = closedOn.AddDays(1) });

        var child = TestWorld.NewChild("Rowan", "Fernside", TestWorld.Today.AddYears(-8), Sex.Male, 2950, 777);
        await using var db = host.CreateDbContext();
        db.Schools.AddRange(predecessor, academy);
        await db.SaveChangesAsync();
        child.Enrolments.Add(new Enrolment { SchoolId = predecessor.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
        db.Children.Add(child);
        var academyHead = TestWorld.NewUser($"head.{academy.Urn}@test.example", "Academy Headteacher", Role.Headteacher, academy);
        var predecessorHead = TestWorld.NewUser($"head.{predecessor.Urn}@test.example", "Former Headteacher", Role.Headteacher, predecessor);
        db.Users.AddRange(academyHead, predecessorHead);
        await db.SaveChangesAsync();
        return new History(predecessor, academy, outsideUrn, child, academyHead, predecessorHead);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_role_sees_the_academy_s_predecessor_and_the_closed_school_s_successor(Role role)
    {
        var history = await HistoryAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var academy = await client.GetAsync($"/schools/{history.Academy.Urn}");
        var predecessor = await client.GetAsync($"/schools/{history.Predecessor.Urn}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (academy.StatusCode, predecessor.StatusCode));
        var academyPage = await academy.GetDocumentAsync();
        var row = Assert.Single(academyPage.QuerySelectorAll("#school-links tbody tr"));
        Assert.Equal(["Predecessor", history.Predecessor.Name, history.Predecessor.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), "Closed"],
            row.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()));
        Assert.Equal($"/schools/{history.Predecessor.Urn}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Fern Lane Testborough TE6 5FH", string.Join(" ", academyPage.QuerySelector("#address")!.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Null(academyPage.QuerySelector("#closed-notice"));

        var closedPage = await predecessor.GetDocumentAsync();
        Assert.Equal("Closed", closedPage.QuerySelector("#status")!.TextContent.Trim());
        var notice = closedPage.QuerySelector("#closed-notice")!;
        Assert.Equal($"This school is closed (it closed on {history.Predecessor.CloseDate:d MMMM yyyy}). Its successor: {history.Academy.Name}.",
            string.Join(" ", notice.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal($"/schools/{history.Academy.Urn}", notice.QuerySelector("a")!.GetAttribute("href"));

        // Predecessors first; a linked school outside the register is named from GIAS, without a link to a page that does not exist.
        var links = closedPage.QuerySelectorAll("#school-links tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Predecessor - amalgamated", "Fernhill Infant School", history.OutsideUrn.ToString(System.Globalization.CultureInfo.InvariantCulture), "Not in Waymark", "1 September 2005"],
            ["Successor", history.Academy.Name, history.Academy.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), "Open", $"{history.Predecessor.CloseDate:d MMMM yyyy}"]], links);
        Assert.Single(closedPage.QuerySelectorAll("#school-links a"));
    }

    [Fact]
    public async Task A_pupil_still_on_the_predecessor_s_roll_is_not_shown_to_the_successor_s_staff()
    {
        var history = await HistoryAsync();
        var academyHead = await host.SignedInClientAsync(history.AcademyHead.Email!);
        var predecessorHead = await host.SignedInClientAsync(history.PredecessorHead.Email!);

        var refused = await academyHead.GetAsync($"/children/{history.StillAtPredecessor.Id}");
        var roll = await (await academyHead.GetAsync("/children")).Content.ReadAsStringAsync();
        var predecessorRoll = await (await academyHead.GetAsync($"/children?School={history.Predecessor.Urn}")).Content.ReadAsStringAsync();
        var academyPage = await (await academyHead.GetAsync($"/schools/{history.Academy.Urn}")).GetDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Fernside", roll, StringComparison.Ordinal);
        Assert.DoesNotContain("Fernside", predecessorRoll, StringComparison.Ordinal);
        Assert.Equal("0", academyPage.QuerySelector("#pupils-on-roll")!.TextContent.Trim());

        // The same request from the school the child is on roll at is allowed: the refusal above is the rule, not a broken page.
        Assert.Equal(HttpStatusCode.OK, (await predecessorHead.GetAsync($"/children/{history.StillAtPredecessor.Id}")).StatusCode);
        Assert.Contains("Fernside", await (await predecessorHead.GetAsync("/children")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_page_with_no_links_has_no_history_section()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var page = await (await client.GetAsync($"/schools/{host.World.Primary.Urn}")).GetDocumentAsync();

        Assert.Null(page.QuerySelector("#school-links"));
        Assert.Null(page.QuerySelector("#closed-notice"));
    }

    [Fact]
    public async Task The_register_lists_schools_by_gias_status_and_hides_closed_ones_until_asked()
    {
        var history = await HistoryAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));

        var open = await (await client.GetAsync("/schools?Name=Fernhill")).GetDocumentAsync();
        var all = await (await client.GetAsync("/schools?Name=Fernhill&IncludeClosed=true")).GetDocumentAsync();

        string Rows(AngleSharp.Html.Dom.IHtmlDocument page) => string.Join("; ", page.QuerySelectorAll("#schools tbody tr")
            .Select(r => $"{r.QuerySelector("td")!.TextContent.Trim()}: {r.QuerySelectorAll("td").Last().TextContent.Trim()}"));
        Assert.Equal($"{history.Academy.Name}: Open", Rows(open));
        Assert.Equal($"{history.Predecessor.Name}: Closed; {history.Academy.Name}: Open", Rows(all));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchoolHistoryPageTestsOnSqlite(SqliteHost fixture) : SchoolHistoryPageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SchoolHistoryPageTestsOnPostgres(PostgresHost fixture) : SchoolHistoryPageTests(fixture.Host);
