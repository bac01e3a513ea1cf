using System.Net;
using System.Net.Http.Headers;
using Waymark.Data;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>The rate limit per token, and a failure inside Waymark, each answered with problem details (on an app of their own).</summary>
public abstract class ApiLimitsTests(WaymarkTestHost host)
{
    private static HttpClient WithToken(ExtraApp app, string? token)
    {
        var client = app.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    [Fact]
    public async Task Past_the_limit_a_token_gets_429_with_Retry_After_and_other_tokens_carry_on()
    {
        var (_, busy) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        var (_, other) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:Api:RequestsPerMinute"] = "3");
        var client = WithToken(app, busy);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/children?pageSize=1")).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/children?pageSize=1");

        var problem = await ApiAccessTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 3 a minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(app, other).GetAsync("/api/v1/children?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_usable_token_share_a_limit_per_address()
    {
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:Api:RequestsPerMinute"] = "2");
        var client = WithToken(app, Web.Api.ApiTokens.NewToken());

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/children")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/children")).StatusCode);
        await ApiAccessTests.AssertProblemAsync(await client.GetAsync("/api/v1/children"), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_failure_inside_Waymark_is_a_500_problem_with_no_stack_trace()
    {
        // An app over a database without Waymark's tables: the token's look-up fails.
        var file = Path.Combine(Path.GetTempPath(), $"waymark-empty-{Guid.NewGuid():N}.db");
        var empty = host.Provider == DatabaseProvider.Sqlite
            ? DatabaseLocation.Sqlite(file)
            : DatabaseLocation.Parse(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!);
        HttpResponseMessage response;
        await using (var app = await ExtraApp.StartAsync(empty))
        {
            response = await WithToken(app, Web.Api.ApiTokens.NewToken()).GetAsync("/api/v1/children");
            await response.Content.LoadIntoBufferAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);

        var problem = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains("traceId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ApiIntegrations", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", text, StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiLimitsTestsOnSqlite(SqliteHost fixture) : ApiLimitsTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ApiLimitsTestsOnPostgres(PostgresHost fixture) : ApiLimitsTests(fixture.Host);
