using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>
/// Who may call the API: a token that is known, not revoked and not expired, with the scope the endpoint needs; never a
/// signed-in session; and a token never opens a web page. Every refusal is problem details.
/// </summary>
public abstract class ApiAccessTests(WaymarkTestHost host)
{
    /// <summary>RFC 9457's members, the trace id, the right content type; and nothing of a stack trace.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("https://", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.StartsWith("/api/", problem.GetProperty("instance").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        Assert.False(problem.TryGetProperty("exception", out _));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return problem;
    }

    [Fact]
    public async Task A_call_without_a_token_is_401_with_the_bearer_challenge()
    {
        var response = await host.CreateClient().GetAsync("/api/v1/children");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"waymark\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Bearer nonsense")]
    [InlineData("Bearer wmk_tooShort")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task A_malformed_token_is_401_invalid_token(string header)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var response = await client.GetAsync("/api/v1/children");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_401_and_audited_against_nobody()
    {
        var token = Web.Api.ApiTokens.NewToken();

        var response = await ApiData.Client(host, token).GetAsync("/api/v1/children");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not recognised", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        var refusal = await db.AuditEvents.Where(e => e.Action == AuditActions.ApiTokenRefused).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Null(refusal.UserId);
        Assert.StartsWith("unknown token", refusal.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token, refusal.Detail!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "expired")]
    [InlineData(true, "revoked")]
    public async Task An_expired_or_revoked_token_is_401_and_the_refusal_is_audited_against_its_integration(bool revoked, string word)
    {
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, revoked: revoked,
            expiresAtUtc: revoked ? null : DateTime.UtcNow.AddMinutes(-1));

        var response = await ApiData.Client(host, token).GetAsync("/api/v1/children");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(word, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        var actor = IntegrationActors.ActorId(integration.Id);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.UserId == actor && e.Action == AuditActions.ApiTokenRefused && e.Detail!.Contains(word)));
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.UserId == actor && e.Action == AuditActions.ApiCall));
        Assert.Null((await db.ApiIntegrations.SingleAsync(i => i.Id == integration.Id)).LastUsedAtUtc);
    }

    [Fact]
    public async Task A_token_past_its_expiry_by_the_app_s_clock_stops_working()
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, expiresAtUtc: DateTime.UtcNow.AddHours(2));
        var client = ApiData.Client(host, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/children?pageSize=1")).StatusCode);

        host.Clock.Offset = TimeSpan.FromHours(3);
        try
        {
            await AssertProblemAsync(await client.GetAsync("/api/v1/children?pageSize=1"), HttpStatusCode.Unauthorized);
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData("", ApiScope.ChildrenRead)]
    [InlineData("/statuses", ApiScope.ChildrenRead)]
    [InlineData("/attendance", ApiScope.AttendanceRead)]
    [InlineData("/suspensions", ApiScope.SuspensionsRead)]
    [InlineData("/reduced-timetables", ApiScope.ReducedTimetablesRead)]
    [InlineData("/transitions", ApiScope.TransitionsRead)]
    [InlineData("/early-help-plans", ApiScope.PlansRead)]
    public async Task Each_endpoint_needs_its_scope_and_without_it_is_403_whatever_else_the_token_has(string path, ApiScope needed)
    {
        var world = await ApiData.WorldAsync(host);
        var (without, lacking) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, scopes: ApiScopes.All.Where(s => s != needed));
        var (_, only) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, scopes: [needed]);
        var url = $"/api/v1/children/{world.Known.Id}{path}";

        var refused = await ApiData.Client(host, lacking).GetAsync(url);
        var allowed = await ApiData.Client(host, only).GetAsync(url);

        var problem = await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains(ApiScopes.Name(needed), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await using var db = host.CreateDbContext();
        var actor = IntegrationActors.ActorId(without.Id);
        var call = await db.AuditEvents.SingleAsync(e => e.UserId == actor && e.Action == AuditActions.ApiCall);
        Assert.Contains("answered 403", call.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.UserId == actor && e.Action == AuditActions.ApiChildRead));
    }

    [Fact]
    public async Task A_list_needs_children_read()
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, scopes: [ApiScope.AttendanceRead]);

        await AssertProblemAsync(await ApiData.Client(host, token).GetAsync("/api/v1/children"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Role.LaOfficer)]
    [InlineData(Role.LaAdmin)]
    [InlineData(Role.Senco)]
    public async Task A_signed_in_session_cannot_call_the_API(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);

        var response = await client.GetAsync($"/api/v1/children/{host.World.PrimaryChild.Id}");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"waymark\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/children")]
    [InlineData("/admin/integrations")]
    [InlineData("/audit")]
    public async Task A_token_cannot_open_a_web_page(string path)
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);

        var response = await ApiData.Client(host, token).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_s_page_with_a_token_goes_to_sign_in_too()
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);

        var response = await ApiData.Client(host, token).GetAsync($"/children/{host.World.CaseloadChild.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_are_problem_details_whatever_the_client_accepts()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        await AssertProblemAsync(await client.GetAsync("/api/v1/children"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_path_the_API_does_not_have_is_a_404_problem_and_a_write_is_a_405_problem()
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        var client = ApiData.Client(host, token);

        await AssertProblemAsync(await client.GetAsync("/api/v1/pupils"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync("/api/v1/children/not-a-guid"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync("/api/v2/children"), HttpStatusCode.NotFound);
        var write = await client.PostAsync("/api/v1/children", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(write, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("GET", string.Join(",", write.Content.Headers.Allow));

        // Without a token, nothing under /api is anything but a 401 (never the sign-in page).
        await AssertProblemAsync(await host.CreateClient().GetAsync("/api/v1/pupils"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_NUL_in_the_query_is_a_400_problem()
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);

        await AssertProblemAsync(await ApiData.Client(host, token).GetAsync("/api/v1/children?status=%00"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Last_use_is_recorded_with_the_address()
    {
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);

        await ApiData.Client(host, token).GetAsync("/api/v1/children?pageSize=1");

        await using var db = host.CreateDbContext();
        var used = await db.ApiIntegrations.SingleAsync(i => i.Id == integration.Id);
        Assert.NotNull(used.LastUsedAtUtc);
        Assert.Equal("127.0.0.1", used.LastUsedFromIp);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiAccessTestsOnSqlite(SqliteHost fixture) : ApiAccessTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ApiAccessTestsOnPostgres(PostgresHost fixture) : ApiAccessTests(fixture.Host);
