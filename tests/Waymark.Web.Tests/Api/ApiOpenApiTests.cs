using System.Net;
using System.Text.Json;
using Waymark.Domain.Integrations;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>The OpenAPI document: public, valid JSON, every endpoint with its scope and its problems, and the bearer scheme.</summary>
public abstract class ApiOpenApiTests(WaymarkTestHost host)
{
    private static readonly (string Path, ApiScope Scope)[] Endpoints =
    [
        ("/api/v1/children", ApiScope.ChildrenRead),
        ("/api/v1/children/{id}", ApiScope.ChildrenRead),
        ("/api/v1/children/{id}/statuses", ApiScope.ChildrenRead),
        ("/api/v1/children/{id}/attendance", ApiScope.AttendanceRead),
        ("/api/v1/children/{id}/suspensions", ApiScope.SuspensionsRead),
        ("/api/v1/children/{id}/reduced-timetables", ApiScope.ReducedTimetablesRead),
        ("/api/v1/children/{id}/transitions", ApiScope.TransitionsRead),
        ("/api/v1/children/{id}/early-help-plans", ApiScope.PlansRead),
    ];

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await host.CreateClient().GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task The_document_is_served_without_a_token_and_lists_exactly_the_API_s_endpoints()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Waymark API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Endpoints.Select(e => e.Path).Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public async Task The_bearer_scheme_is_described_with_every_scope()
    {
        var scheme = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.All(ApiScopes.All, s => Assert.Contains(ApiScopes.Name(s), scheme.GetProperty("description").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_names_its_scope_and_answers_with_problem_details()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        foreach (var (path, scope) in Endpoints)
        {
            var operation = paths.GetProperty(path).GetProperty("get");
            var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
            Assert.Equal([ApiScopes.Name(scope)], requirement.GetProperty("bearer").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(ApiScopes.Name(scope), operation.GetProperty("x-waymark-scope").GetString());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _), path);
            foreach (var status in new[] { "401", "403", "429", "500" })
            {
                Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {status}");
            }

            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(responses.TryGetProperty("404", out _), path);
            }
        }

        var list = paths.GetProperty("/api/v1/children").GetProperty("get");
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["page", "pageSize", "schoolUrn", "status"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("integer", parameters["pageSize"].GetProperty("schema").GetProperty("type").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiOpenApiTestsOnSqlite(SqliteHost fixture) : ApiOpenApiTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ApiOpenApiTestsOnPostgres(PostgresHost fixture) : ApiOpenApiTests(fixture.Host);
