using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Auth;
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
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_without_saying_so()
    {
        var user = await AddUserAsync();
        var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = $"guess number {i}" });
        }

        var locked = await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        var unknown = await client.PostFormAsync("/sign-in", new() { ["Email"] = "no.such.person@test.example", ["Password"] = TestWorld.Password });

        // A locked account answers exactly as a missing one does, so the page reveals no accounts.
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var lockedSummary = (await locked.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        var unknownSummary = (await unknown.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Equal(unknownSummary, lockedSummary);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Contains(db.AuditEvents, e => e.Action == AuditActions.SignInFailed && e.UserId == user.Id && e.Detail == "locked out");
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
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_is_refused()
    {
        var user = await AddUserAsync();
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });
        var stolen = cookies.GetCookieHeader(host.BaseAddress);
        Assert.Contains("waymark-auth=", stolen, StringComparison.Ordinal);

        var response = await client.PostFormAsync("/sign-out", [], formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/children");
        request.Headers.Add("Cookie", stolen);
        var replayed = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Contains(db.UserSessions, s => s.UserId == user.Id && s.EndReason == "signed out");
    }

    [Fact]
    public async Task A_session_ends_after_the_absolute_limit_however_active()
    {
        var user = await AddUserAsync();
        var client = await host.SignedInClientAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = host.CreateDbContext())
        {
            var session = await db.UserSessions.SingleAsync(s => s.UserId == user.Id);
            session.CreatedAtUtc = DateTime.UtcNow - WaymarkAuth.AbsoluteTimeout - TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Email_addresses_with_an_apostrophe_can_be_added_and_sign_in()
    {
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var email = $"sean.o'brien.{Guid.NewGuid():N}@council.example";

        var added = await admin.PostFormAsync("/admin/users/add", new() { ["Email"] = email, ["DisplayName"] = "Seán O'Brien", ["Role"] = "la-officer" });
        var password = (await added.GetDocumentAsync()).QuerySelector("#initial-password")?.TextContent.Trim();

        Assert.NotNull(password);
        Assert.Equal(HttpStatusCode.OK, (await (await host.SignedInClientAsync(email, password)).GetAsync("/")).StatusCode);
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
