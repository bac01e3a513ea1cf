using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Features.Account;

namespace Waymark.Web.Tests;

public abstract class SignInTests(WaymarkTestHost host)
{
    private async Task<WaymarkUser> AddUserAsync(Role role = Role.LaOfficer, bool atPrimary = false)
    {
        await using var db = host.CreateDbContext();
        var email = $"user-{Guid.NewGuid():N}@test.example";
        var school = atPrimary ? await db.Schools.SingleAsync(s => s.Urn == host.World.Primary.Urn) : null;
        var user = TestWorld.NewUser(email, "Temporary User", role, school);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    [Fact]
    public async Task Correct_details_sign_in_and_are_audited()
    {
        var user = await AddUserAsync();
        var client = host.CreateClient();

        var response = await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!.ToUpperInvariant(), ["Password"] = TestWorld.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Contains(db.AuditEvents, e => e.Action == AuditActions.SignIn && e.UserId == user.Id);
    }

    [Theory]
    [InlineData("", "", "Enter your email address")]
    [InlineData("not-an-email", "x", "Enter an email address in the correct format")]
    [InlineData("la-officer@test.example", "wrong password!", SignInModel.FailureMessage)]
    [InlineData("nobody@test.example", "correct-horse-battery", SignInModel.FailureMessage)]
    public async Task Wrong_details_show_an_error_and_do_not_sign_in(string email, string password, string message)
    {
        var client = host.CreateClient();

        var response = await client.PostFormAsync("/sign-in", new() { ["Email"] = email, ["Password"] = password });
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await AddUserAsync();
        var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = $"guess number {i}" });
        }

        var response = await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.True(db.AuditEvents.Count(e => e.Action == AuditActions.SignInFailed && e.UserId == user.Id) >= 5);
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_at_once()
    {
        var user = await AddUserAsync();
        var client = await host.SignedInClientAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);

        await using (var db = host.CreateDbContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.IsActive = false;
            await db.SaveChangesAsync();
        }

        var response = await client.GetAsync("/children");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var again = await host.CreateClient().PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_next_request()
    {
        var user = await AddUserAsync(Role.LaOfficer);
        var client = await host.SignedInClientAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{host.World.SecondaryChild.Id}")).StatusCode);

        await using (var db = host.CreateDbContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.Role = Role.Headteacher;
            stored.SchoolId = (await db.Schools.SingleAsync(s => s.Urn == host.World.Primary.Urn)).Id;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/{host.World.SecondaryChild.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{host.World.PrimaryChild.Id}")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await AddUserAsync();
        var client = await host.SignedInClientAsync(user.Email!);

        var response = await client.PostFormAsync("/sign-out", [], formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Return_urls_outside_waymark_are_ignored()
    {
        var user = await AddUserAsync();
        var client = host.CreateClient();

        var response = await client.PostFormAsync("/sign-in?ReturnUrl=https://evil.example/",
            new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password, ["ReturnUrl"] = "https://evil.example/" }, formPage: "/sign-in");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTestsOnSqlite(SqliteHost fixture) : SignInTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SignInTestsOnPostgres(PostgresHost fixture) : SignInTests(fixture.Host);
