using System.Net;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests;

/// <summary>Every page for every role: allowed roles get 200, the rest 403 or 404, and no one gets in unsigned.</summary>
public abstract class PageAccessTests(WaymarkTestHost host)
{
    private static readonly Role[] SchoolRoles = [Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher];
    private static readonly Role[] LaWideRoles = [Role.LaAdmin, Role.LaOfficer, Role.AdvisoryTeacher];

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    public static TheoryData<string> ProtectedPaths() => new(
        "/", "/children", "/schools", "/schools/900001", "/admin/users", "/admin/users/add", "/sign-out", "/figures", "/kpis", "/kpis/targets",
        "/kpis/targets/overall-absence?phase=primary", "/benchmarking", "/evaluation");

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_cannot_open_a_child_record()
    {
        var response = await host.CreateClient().GetAsync($"/children/{host.World.PrimaryChild.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/accessibility")]
    [InlineData("/cookies")]
    [InlineData("/health")]
    public async Task Public_pages_need_no_sign_in(string path)
    {
        var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_role_sees_home_schools_and_the_static_pages(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        foreach (var path in new[] { "/", "/schools", "/schools/900001", "/schools/900002", "/accessibility", "/cookies" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Roles.CommandName(role)} got {(int)response.StatusCode} on {path}");
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_administrators_manage_users(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var expected = role == Role.LaAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        Assert.Equal(expected, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/admin/users/add")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/admin/users/{host.World.Users[Role.Senco].Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Child_search_is_open_to_every_role_but_the_analyst(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync("/children");

        Assert.Equal(!Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden : HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Child_records_open_only_within_scope(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var world = host.World;

        var expectations = new Dictionary<Guid, HttpStatusCode>
        {
            // The SEN case officer sees the SEND cohort (the secondary child has an EHC plan) and is offered to give a
            // reason for the others (child in need, child protection), as LA-wide roles are for a child outside theirs.
            [world.PrimaryChild.Id] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden
                : LaWideRoles.Contains(role) || SchoolRoles.Contains(role) ? HttpStatusCode.OK
                : role == Role.SenCaseOfficer ? HttpStatusCode.Redirect : HttpStatusCode.NotFound,
            [world.SecondaryChild.Id] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden
                : LaWideRoles.Contains(role) || role == Role.SenCaseOfficer ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            [world.CaseloadChild.Id] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden
                : LaWideRoles.Contains(role) || role == Role.SocialWorker ? HttpStatusCode.OK
                : role == Role.SenCaseOfficer ? HttpStatusCode.Redirect : HttpStatusCode.NotFound,
            [Guid.NewGuid()] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound,
        };

        foreach (var (id, expected) in expectations)
        {
            var response = await client.GetAsync($"/children/{id}");
            Assert.True(expected == response.StatusCode, $"{Roles.CommandName(role)} on child {id}: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Refusals_use_the_styled_error_pages()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Senco));

        var forbidden = await client.GetAsync("/admin/users");
        var notFound = await client.GetAsync($"/children/{host.World.SecondaryChild.Id}");

        Assert.Contains("You do not have permission to see this page", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notFoundHtml = await notFound.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", notFoundHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(host.World.SecondaryChild.LegalSurname, notFoundHtml, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PageAccessTestsOnSqlite(SqliteHost fixture) : PageAccessTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class PageAccessTestsOnPostgres(PostgresHost fixture) : PageAccessTests(fixture.Host);
