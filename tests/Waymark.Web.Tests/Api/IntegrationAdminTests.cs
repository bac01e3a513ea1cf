using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>The integrations pages: for LA administrators only; the token shown once and kept as a hash; revoking stops it.</summary>
public abstract class IntegrationAdminTests(WaymarkTestHost host)
{
    public static TheoryData<Role> NotAdministrators() => [.. Roles.All.Where(r => r != Role.LaAdmin)];

    private static Dictionary<string, string> Form(string name, string role = "la-officer", string school = "", DateOnly? lastDay = null)
    {
        var day = lastDay ?? TestWorld.Today.AddDays(90);
        var form = new Dictionary<string, string>
        {
            ["Name"] = name, ["Role"] = role, ["School"] = school,
            ["LastDay.Day"] = day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LastDay.Month"] = day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LastDay.Year"] = day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return form;
    }

    private static IEnumerable<KeyValuePair<string, string>> WithScopes(Dictionary<string, string> form, params string[] scopes) =>
        [.. form, .. scopes.Select(s => new KeyValuePair<string, string>("Scopes", s))];

    [Theory]
    [MemberData(nameof(NotAdministrators))]
    public async Task Every_other_role_is_refused_every_integrations_page(Role role)
    {
        var (integration, _) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        foreach (var path in new[] { "/admin/integrations", "/admin/integrations/register", $"/admin/integrations/{integration.Id}", $"/admin/integrations/{integration.Id}/revoke" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }

        // A post (with a token from the user's own page) is refused too, and changes nothing.
        var revoke = await client.PostFormAsync($"/admin/integrations/{integration.Id}/revoke", [], formPage: "/account");
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.ApiIntegrations.SingleAsync(i => i.Id == integration.Id)).RevokedAtUtc);
    }

    [Fact]
    public async Task An_administrator_registers_an_integration_whose_token_is_shown_once_kept_as_a_hash_and_works()
    {
        var world = await ApiData.WorldAsync(host);
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var name = $"Capita One nightly sync {Guid.NewGuid().ToString("N")[..6]}";

        var response = await admin.PostFieldsAsync("/admin/integrations/register",
            WithScopes(Form(name, "attendance-lead", world.Primary.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture)), "children:read", "attendance:read"));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = page.QuerySelector("#token")!.TextContent.Trim();
        Assert.True(IntegrationRules.LooksLikeToken(token), token);

        await using (var db = host.CreateDbContext())
        {
            var saved = await db.ApiIntegrations.SingleAsync(i => i.Name == name);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), saved.TokenHash);
            Assert.Equal(token[..12], saved.TokenPrefix);
            Assert.Equal(Role.AttendanceLead, saved.Role);
            Assert.Equal(world.Primary.Id, saved.SchoolId);
            Assert.Equal("children:read attendance:read", saved.Scopes);
            var registered = await db.AuditEvents.Where(e => e.Action == AuditActions.IntegrationRegistered && e.Detail!.StartsWith(name)).SingleAsync();
            Assert.DoesNotContain(token, registered.Detail + registered.Changes, StringComparison.Ordinal);
            Assert.Contains("(secret, not recorded)", registered.Changes, StringComparison.Ordinal);

            var details = await (await admin.GetAsync($"/admin/integrations/{saved.Id}")).Content.ReadAsStringAsync();
            var list = await (await admin.GetAsync("/admin/integrations")).Content.ReadAsStringAsync();
            Assert.Contains(name, list, StringComparison.Ordinal);
            Assert.Contains(saved.TokenPrefix, details, StringComparison.Ordinal);
            Assert.DoesNotContain(token, details + list, StringComparison.Ordinal);
        }

        var api = ApiData.Client(host, token);
        var children = await (await api.GetAsync("/api/v1/children")).JsonAsync();
        Assert.Equal(world.PrimaryRoll.Order(), children.Ids().Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/children/{world.Known.Id}/suspensions")).StatusCode);
    }

    [Theory]
    [InlineData("", "la-officer", "", "children:read", 30, "Name", "Enter a name")]
    [InlineData("Sync", "", "", "children:read", 30, "Role", "Select the role")]
    [InlineData("Sync", "la-admin", "", "children:read", 30, "Role", "Select the role")]
    [InlineData("Sync", "social-worker", "", "children:read", 30, "Role", "Select the role")]
    [InlineData("Sync", "senco", "", "children:read", 30, "School", "Select the school")]
    [InlineData("Sync", "la-officer", "900001", "children:read", 30, "School", "cannot belong to a school")]
    [InlineData("Sync", "la-officer", "", "", 30, "Scopes", "Select what the integration may read")]
    [InlineData("Sync", "la-officer", "", "everything:write", 30, "Scopes", "Select what the integration may read")]
    [InlineData("Sync", "la-officer", "", "children:read", 0, "LastDay", "must be in the future")]
    [InlineData("Sync", "la-officer", "", "children:read", 366, "LastDay", "no more than 365 days")]
    public async Task A_bad_registration_names_the_field_and_saves_nothing(string name, string role, string school, string scope, int days, string field, string message)
    {
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        await using var before = host.CreateDbContext();
        var count = await before.ApiIntegrations.CountAsync();

        var response = await admin.PostFieldsAsync("/admin/integrations/register",
            WithScopes(Form(name, role, school, lastDay: TestWorld.Today.AddDays(days)), scope.Length == 0 ? [] : [scope]));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".govuk-error-summary a[href='#{field}']"));
        Assert.Null(page.QuerySelector("#token"));
        await using var after = host.CreateDbContext();
        Assert.Equal(count, await after.ApiIntegrations.CountAsync());
    }

    [Fact]
    public async Task Revoking_on_the_page_stops_the_token_at_once_and_is_audited()
    {
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        var api = ApiData.Client(host, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/children?pageSize=1")).StatusCode);
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var response = await admin.PostFormAsync($"/admin/integrations/{integration.Id}/revoke", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var refused = await api.GetAsync("/api/v1/children?pageSize=1");
        var problem = await ApiAccessTests.AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var details = await (await admin.GetAsync($"/admin/integrations/{integration.Id}")).GetDocumentAsync();
        Assert.Contains("Revoked", details.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("#last-used"));
        Assert.DoesNotContain("Never", details.QuerySelector("#last-used")!.TextContent, StringComparison.Ordinal);
        Assert.Null(details.QuerySelector("#revoke-link"));
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.IntegrationRevoked && e.Detail!.StartsWith(integration.Name)));
    }

    [Fact]
    public async Task An_integration_that_does_not_exist_is_404()
    {
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/integrations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/integrations/{Guid.NewGuid()}/revoke")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntegrationAdminTestsOnSqlite(SqliteHost fixture) : IntegrationAdminTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class IntegrationAdminTestsOnPostgres(PostgresHost fixture) : IntegrationAdminTests(fixture.Host);
