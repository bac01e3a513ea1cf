using System.Net;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests;

public abstract class HardeningTests(WaymarkTestHost host)
{
    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_rate_limited()
    {
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:SignInAttemptsPerMinute"] = "3");
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostFormAsync("/sign-in", new() { ["Email"] = "someone@test.example", ["Password"] = "wrong password " + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_cookies_are_secure_host_only_and_hsts_is_sent()
    {
        // Listening on all interfaces, as behind a council's proxy, switches on secure cookies.
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["https_port"] = "443", url: "http://0.0.0.0:0");
        using var client = app.CreateClient();

        var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Host = "waymark.council.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("antiforgery", StringComparison.Ordinal));
        Assert.StartsWith("__Host-waymark-antiforgery=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        var plain = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        plain.Headers.Host = "waymark.council.example";
        var redirected = await client.SendAsync(plain);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://waymark.council.example/sign-in", redirected.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_role_without_the_right_cannot_post_to_an_admin_page()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var target = host.World.Users[Role.Senco].Id;

        var response = await officer.PostFormAsync($"/admin/users/{target}", new() { ["Role"] = "la-admin", ["School"] = "", ["IsActive"] = "true" },
            formPage: "/children");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal(Role.Senco, db.Users.Single(u => u.Id == target).Role);
    }

    [Fact]
    public async Task La_wide_roles_must_search_or_choose_a_school_before_seeing_names()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var document = await (await client.GetAsync("/children")).GetDocumentAsync();

        Assert.Empty(document.QuerySelectorAll("#results a"));
        Assert.Contains("Enter a name or UPN, or choose a school", document.QuerySelector("#no-results")!.TextContent, StringComparison.Ordinal);
        var bySchool = await (await client.GetAsync($"/children?School={host.World.Secondary.Urn}")).GetDocumentAsync();
        Assert.Equal(3, bySchool.QuerySelectorAll("#results tbody tr").Length);
    }

    [Fact]
    public async Task The_child_record_title_does_not_carry_the_childs_name()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var document = await (await client.GetAsync($"/children/{host.World.PrimaryChild.Id}")).GetDocumentAsync();

        Assert.StartsWith("Child record", document.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Clarke", document.Title, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HardeningTestsOnSqlite(SqliteHost fixture) : HardeningTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class HardeningTestsOnPostgres(PostgresHost fixture) : HardeningTests(fixture.Host);
