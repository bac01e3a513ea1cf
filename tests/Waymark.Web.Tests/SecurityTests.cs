using System.Net;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests;

public abstract class SecurityTests(WaymarkTestHost host)
{
    [Fact]
    public async Task A_form_post_without_an_anti_forgery_token_is_rejected()
    {
        var client = host.CreateClient();

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TestWorld.EmailFor(Role.LaAdmin),
            ["Password"] = TestWorld.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_signed_in_form_post_without_a_token_is_rejected_too()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var response = await client.PostAsync("/admin/users/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "forged@test.example",
            ["Role"] = "la-admin",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.DoesNotContain(db.Users, u => u.Email == "forged@test.example");
    }

    [Theory]
    [InlineData("/sign-in", false)]
    [InlineData("/", true)]
    [InlineData("/children", true)]
    [InlineData("/schools", true)]
    public async Task Security_headers_are_on_every_page(string path, bool signedIn)
    {
        var client = signedIn ? await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer)) : host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} must not be cached");
    }

    [Fact]
    public async Task Pages_carry_no_inline_script()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var document = await (await client.GetAsync("/")).GetDocumentAsync();

        Assert.All(document.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), "every script must be an external file"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Child_links_use_opaque_ids_and_search_terms_stay_out_of_urls()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await client.PostFormAsync("/children", new() { ["Query"] = "Clarke" });
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("post", document.QuerySelector("form.waymark-search-form")!.GetAttribute("method"));
        var links = document.QuerySelectorAll("#results a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal([$"/children/{host.World.PrimaryChild.Id}"], links);
        Assert.All(links, l => Assert.DoesNotContain(host.World.PrimaryChild.Upn!, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_answers_when_the_database_is_reachable()
    {
        var response = await host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SecurityTestsOnSqlite(SqliteHost fixture) : SecurityTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SecurityTestsOnPostgres(PostgresHost fixture) : SecurityTests(fixture.Host);
