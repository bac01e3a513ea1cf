using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests;

public abstract class UserAdminTests(WaymarkTestHost host)
{
    [Fact]
    public async Task An_administrator_adds_a_school_user_who_can_then_sign_in()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var email = $"new.senco.{Guid.NewGuid():N}@test.example";

        var response = await client.PostFormAsync("/admin/users/add", new()
        {
            ["Email"] = email, ["DisplayName"] = "New Senco", ["Role"] = "senco", ["School"] = "900002",
        });
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = document.QuerySelector("#initial-password")!.TextContent.Trim();
        Assert.True(password.Length >= 20);
        var newUser = await host.SignedInClientAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await newUser.GetAsync($"/children/{host.World.SecondaryChild.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await newUser.GetAsync($"/children/{host.World.PrimaryChild.Id}/attendance")).StatusCode);

        // Amelia is not on the secondary's roll; her transition is shared with it, so her record opens in its limited form.
        var incoming = await (await newUser.GetAsync($"/children/{host.World.PrimaryChild.Id}")).GetDocumentAsync();
        Assert.NotNull(incoming.QuerySelector("#incoming"));
        Assert.Null(incoming.QuerySelector("#statuses"));
    }

    [Theory]
    [InlineData("", "la-officer", "", "Email", "Enter an email address")]
    [InlineData("la-admin@test.example", "la-officer", "", "Email", "already exists")]
    [InlineData("someone@test.example", "", "", "Role", "Select a role")]
    [InlineData("someone@test.example", "headteacher", "", "School", "Select the school")]
    [InlineData("someone@test.example", "la-officer", "900001", "School", "cannot belong to a school")]
    public async Task Invalid_users_are_refused_with_a_message_on_the_field(string email, string role, string school, string field, string message)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        await using var before = host.CreateDbContext();
        var count = await before.Users.CountAsync();

        var response = await client.PostFormAsync("/admin/users/add", new() { ["Email"] = email, ["Role"] = role, ["School"] = school });
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, document.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($".govuk-error-summary a[href='#{field}']"));
        await using var after = host.CreateDbContext();
        Assert.Equal(count, await after.Users.CountAsync());
    }

    [Fact]
    public async Task An_administrator_deactivates_a_user_and_their_session_ends()
    {
        await using (var db = host.CreateDbContext())
        {
            db.Users.Add(TestWorld.NewUser("to.deactivate@test.example", "To Deactivate", Role.LaOfficer, null));
            await db.SaveChangesAsync();
        }

        var victim = await host.SignedInClientAsync("to.deactivate@test.example");
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        string id;
        await using (var db = host.CreateDbContext())
        {
            id = (await db.Users.SingleAsync(u => u.Email == "to.deactivate@test.example")).Id;
        }

        var response = await admin.PostFormAsync($"/admin/users/{id}", new() { ["Role"] = "la-officer", ["School"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.GetAsync("/")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserAdminTestsOnSqlite(SqliteHost fixture) : UserAdminTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class UserAdminTestsOnPostgres(PostgresHost fixture) : UserAdminTests(fixture.Host);
