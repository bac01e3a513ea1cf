using System.Net;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests;

public abstract class SessionTests(WaymarkTestHost host)
{
    [Fact]
    public async Task A_session_from_one_instance_is_accepted_by_another_on_the_same_database()
    {
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var signIn = await first.PostFormAsync("/sign-in", new() { ["Email"] = TestWorld.EmailFor(Role.LaOfficer), ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // A second instance, as after a restart or behind a load balancer. Cookies are per host, not port.
        await using var second = await ExtraApp.StartAsync(host.Database.Location);
        using var client = second.CreateClient(cookies);

        var response = await client.GetAsync("/children");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // In one process both instances could share the profile's key folder, so check the keys really are in the database.
        await using var db = host.CreateDbContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTestsOnSqlite(SqliteHost fixture) : SessionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SessionTestsOnPostgres(PostgresHost fixture) : SessionTests(fixture.Host);
