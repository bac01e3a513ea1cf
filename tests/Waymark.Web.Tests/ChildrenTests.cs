using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests;

public abstract class ChildrenTests(WaymarkTestHost host)
{
    private async Task<List<string>> SearchAsync(Role role, string query, string? email = null) =>
        (await SearchRowsAsync(role, query, email)).Select(r => r.Name).ToList();

    /// <summary>Each result's name, link and access tag (full, incoming or outside).</summary>
    private async Task<List<(string Name, string Link, string Access)>> SearchRowsAsync(Role role, string query, string? email = null)
    {
        var client = await host.SignedInClientAsync(email ?? TestWorld.EmailFor(role));
        var response = await client.PostFormAsync("/children", new() { ["Query"] = query });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        return document.QuerySelectorAll("#results tbody tr td:first-child").Select(cell =>
        (
            cell.QuerySelector("a")!.TextContent.Trim(),
            cell.QuerySelector("a")!.GetAttribute("href")!,
            cell.QuerySelector("[data-access]")?.GetAttribute("data-access") ?? "full"
        )).ToList();
    }

    [Theory]
    [InlineData("clarke")]
    [InlineData("AMELIA")]
    [InlineData("amelia clarke")]
    [InlineData("Clar")]
    public async Task Search_by_name_ignores_case_and_finds_partial_names(string query)
    {
        Assert.Equal(["Clarke, Amelia"], await SearchAsync(Role.LaOfficer, query));
    }

    [Fact]
    public async Task Search_by_upn_finds_the_child_and_by_preferred_name_too()
    {
        Assert.Equal(["Clarke, Amelia"], await SearchAsync(Role.LaOfficer, host.World.PrimaryChild.Upn!.ToLowerInvariant()));
        Assert.Equal(["Okafor, Jayden (known as Jay)"], await SearchAsync(Role.LaOfficer, "jay okafor"));
    }

    [Fact]
    public async Task School_users_find_pupils_on_their_roll_and_those_shared_with_them_as_incoming()
    {
        // Other tests add pupils to the primary's roll, so its list is checked by name; the secondary's is exact.
        Assert.Equal(["Clarke, Amelia"], await SearchAsync(Role.Headteacher, "Clarke"));
        Assert.Empty(await SearchAsync(Role.Headteacher, "Hughes"));
        Assert.Empty(await SearchAsync(Role.Headteacher, host.World.SecondaryChild.Upn!));

        // Amelia's transition profile is shared with the secondary ahead of her move: found, but marked incoming.
        var amelia = host.World.PrimaryChild;
        Assert.Equal(
            [("Clarke, Amelia", $"/children/{amelia.Id}", "incoming"), ("Hughes, Oliver", $"/children/{host.World.SecondaryChild.Id}", "full"),
             ("Okafor, Jayden (known as Jay)", $"/children/{host.World.CaseloadChild.Id}", "full"), ("Ward, Ruby", $"/children/{host.World.Year7Child.Id}", "full")],
            await SearchRowsAsync(Role.Headteacher, "", email: host.World.SecondaryHeadteacher.Email));
    }

    [Fact]
    public async Task Nobody_but_the_la_finds_a_child_outside_their_scope_by_upn()
    {
        var upn = host.World.SecondaryChild.Upn!;
        foreach (var role in new[] { Role.Headteacher, Role.Senco, Role.SocialWorker })
        {
            Assert.Empty(await SearchAsync(role, upn));
        }
    }

    [Fact]
    public async Task Social_workers_find_only_their_caseload()
    {
        Assert.Equal(["Okafor, Jayden (known as Jay)"], await SearchAsync(Role.SocialWorker, ""));
        Assert.Empty(await SearchAsync(Role.SocialWorker, "Clarke"));
    }

    [Fact]
    public async Task Leavers_drop_off_the_school_roll_and_the_la_finds_them_only_while_known_to_services()
    {
        Assert.Empty(await SearchAsync(Role.Headteacher, "Former Pupil"));

        // The leaver has no plan, status or involvement: not on an officer's list by name, found by UPN to open with a reason.
        Assert.Empty(await SearchAsync(Role.LaOfficer, "Former Pupil"));
        await using var db = host.CreateDbContext();
        var leaver = await db.Children.SingleAsync(c => c.LegalForename == "Former" && c.LegalSurname == "Pupil");
        Assert.Equal([("Pupil, Former", $"/children/{leaver.Id}/open-with-reason", "outside")], await SearchRowsAsync(Role.LaOfficer, leaver.Upn!));
    }

    [Fact]
    public async Task Free_school_meals_alone_do_not_put_a_child_in_the_las_need_to_know()
    {
        Child child;
        await using (var db = host.CreateDbContext())
        {
            child = TestWorld.NewChild("Mealtime", "Only", new DateOnly(2015, 3, 3), Domain.Children.Sex.Female, 7000 + (TestWorld.NextUrn() % 1000), 7);
            child.Statuses.Add(new ChildStatus { Type = Domain.Children.ChildStatusType.FreeSchoolMeals, StartDate = TestWorld.Today.AddYears(-1) });
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync(Role.LaOfficer, "Mealtime Only"));
        Assert.Equal([("Only, Mealtime", $"/children/{child.Id}/open-with-reason", "outside")], await SearchRowsAsync(Role.LaOfficer, child.Upn!));
    }

    [Fact]
    public async Task The_child_record_shows_identity_statuses_schools_and_key_people()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.SocialWorker));
        var child = host.World.CaseloadChild;

        var document = await (await client.GetAsync($"/children/{child.Id}")).GetDocumentAsync();

        Assert.Equal("Jay Okafor", document.QuerySelector("h1")!.TextContent.Trim());
        var text = document.QuerySelector("main")!.TextContent;
        Assert.Contains(child.Upn!, text, StringComparison.Ordinal);
        Assert.Contains("Jayden Okafor", text, StringComparison.Ordinal);
        Assert.Contains("Child protection plan", document.QuerySelector("#statuses")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hollins Academy", document.QuerySelector("#enrolments")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Test Social worker", document.QuerySelector("#key-people")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_child_record_shows_the_address_contacts_and_school_history_from_transfer_files_and_the_view_is_audited()
    {
        Child child;
        await using (var db = host.CreateDbContext())
        {
            child = await RichChild.CreateAsync(db, host.World, new DateOnly(2014, 2, 3), surname: "Transfer");
        }

        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var response = await officer.GetAsync($"/children/{child.Id}");
        var headteacher = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));
        var refused = await headteacher.GetAsync($"/children/{child.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        var address = document.QuerySelector("#address")!;
        Assert.Contains("12 " + RichChild.Markup, address.TextContent, StringComparison.Ordinal);
        Assert.Contains("EM1 2AB", address.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("main script"));
        var contacts = document.QuerySelectorAll("#contacts .govuk-summary-list__row").Select(r => r.TextContent).ToList();
        Assert.Equal(2, contacts.Count);
        Assert.Contains("Mx Pat Record", contacts[0], StringComparison.Ordinal);
        Assert.Contains("Has parental responsibility", contacts[0], StringComparison.Ordinal);
        Assert.Contains("Mobile: 07700 900123", contacts[0], StringComparison.Ordinal);
        Assert.Contains("pat@example.org", contacts[0], StringComparison.Ordinal);
        Assert.Contains(RichChild.Formula, contacts[1], StringComparison.Ordinal);
        Assert.Contains("No parental responsibility", contacts[1], StringComparison.Ordinal);
        var history = document.QuerySelector("#school-history")!.TextContent;
        Assert.Contains("Hillside Primary School", history, StringComparison.Ordinal);
        Assert.Contains("LA 330, establishment 2005", history, StringComparison.Ordinal);
        Assert.Contains("Left: Moved house", history, StringComparison.Ordinal);
        Assert.Contains("Secondary need: Social, emotional and mental health", document.QuerySelector("#statuses")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Free school meals", document.QuerySelector("#statuses")!.TextContent, StringComparison.Ordinal);

        // A school user without the child on their roll gets nothing of it.
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Hillside", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = host.CreateDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildViewed));
    }

    [Fact]
    public async Task Ended_key_people_are_not_shown_as_current()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var html = await (await client.GetAsync($"/children/{host.World.SecondaryChild.Id}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Sam Patel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_view_search_and_refusal_is_audited()
    {
        var user = host.World.Users[Role.Senco];
        var client = await host.SignedInClientAsync(user.Email!);
        var since = DateTime.UtcNow.AddSeconds(-1);

        await client.GetAsync($"/children/{host.World.PrimaryChild.Id}");
        await client.GetAsync($"/children/{host.World.SecondaryChild.Id}");
        await client.PostFormAsync("/children", new() { ["Query"] = "Clarke" });

        await using var db = host.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.UserId == user.Id && e.OccurredAtUtc >= since).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.ChildViewed && e.ChildId == host.World.PrimaryChild.Id);
        Assert.Contains(events, e => e.Action == AuditActions.ChildRefused && e.ChildId == host.World.SecondaryChild.Id);
        Assert.DoesNotContain(events, e => e.Action == AuditActions.ChildViewed && e.ChildId == host.World.SecondaryChild.Id);
        Assert.Contains(events, e => e.Action == AuditActions.ChildSearch && e.Detail!.Contains("Clarke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_are_paged_25_at_a_time_and_paging_keeps_the_search()
    {
        var urn = 910000 + Random.Shared.Next(0, 89999);
        await using (var db = host.CreateDbContext())
        {
            var school = new School { Urn = urn, LaCode = 823, EstablishmentNumber = 2999, Name = $"Paging Primary {urn}", Phase = Domain.Schools.SchoolPhase.Primary, Type = "Community school" };
            db.Schools.Add(school);
            for (var i = 0; i < 30; i++)
            {
                var child = new Child
                {
                    Id = Guid.NewGuid(), LegalForename = $"Pupil{i:00}", LegalSurname = "Pager", DateOfBirth = new DateOnly(2016, 1, 1),
                    CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                };
                child.RefreshSearchName();
                child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-1) });
                child.Statuses.Add(new ChildStatus { Type = Domain.Children.ChildStatusType.SenSupport, StartDate = TestWorld.Today.AddYears(-1) });
                db.Children.Add(child);
            }

            await db.SaveChangesAsync();
        }

        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var first = await (await client.PostFormAsync("/children", new() { ["Query"] = "pager", ["School"] = urn.ToString(System.Globalization.CultureInfo.InvariantCulture) })).GetDocumentAsync();
        var second = await (await client.PostFormAsync("/children",
            new() { ["Query"] = "pager", ["School"] = urn.ToString(System.Globalization.CultureInfo.InvariantCulture), ["PageNumber"] = "2" })).GetDocumentAsync();

        Assert.Equal(25, first.QuerySelectorAll("#results tbody tr").Length);
        Assert.Contains("Page 1 of 2", first.QuerySelector(".govuk-pagination")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("button[name=PageNumber][value='2']"));
        Assert.Equal(5, second.QuerySelectorAll("#results tbody tr").Length);
        Assert.Equal("Pager, Pupil29", second.QuerySelectorAll("#results tbody tr td a").Last().TextContent.Trim());
    }

    [Fact]
    public async Task Home_counts_only_children_in_scope()
    {
        async Task<string> CountFor(string email)
        {
            var client = await host.SignedInClientAsync(email);
            var document = await (await client.GetAsync("/")).GetDocumentAsync();
            return document.QuerySelector("#children-in-scope")!.TextContent.Trim();
        }

        await using (var db = host.CreateDbContext())
        {
            var officer = host.World.Users[Role.LaOfficer];
            var known = await db.Children.VisibleTo(db, new UserScope(officer.Id, Role.LaOfficer, null), TestWorld.Today).CountAsync();
            Assert.True(known < await db.Children.CountAsync(), "some children are outside the officer's need-to-know");
            Assert.Equal(known.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), await CountFor(officer.Email!));
        }

        await using (var db = host.CreateDbContext())
        {
            var onPrimaryRoll = await db.Children.OnRollOf(host.World.Primary.Id, TestWorld.Today).CountAsync();
            Assert.Equal(onPrimaryRoll.ToString(System.Globalization.CultureInfo.InvariantCulture), await CountFor(TestWorld.EmailFor(Role.Headteacher)));
        }

        Assert.Equal("3", await CountFor(host.World.SecondaryHeadteacher.Email!));
        Assert.Equal("1", await CountFor(TestWorld.EmailFor(Role.SocialWorker)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChildrenTestsOnSqlite(SqliteHost fixture) : ChildrenTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ChildrenTestsOnPostgres(PostgresHost fixture) : ChildrenTests(fixture.Host);
