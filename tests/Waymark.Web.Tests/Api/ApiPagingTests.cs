using System.Net;
using System.Text.Json;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>Lists come a page at a time, in a stable order, with links; a page or size out of bounds is a 400 naming the field.</summary>
public abstract class ApiPagingTests(WaymarkTestHost host)
{
    [Fact]
    public async Task Pages_cover_the_list_once_in_a_stable_order_with_links_between_them()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.Headteacher, world.Primary);
        var client = ApiData.Client(host, token);

        var first = await (await client.GetAsync("/api/v1/children?pageSize=2")).JsonAsync();
        var last = await (await client.GetAsync("/api/v1/children?pageSize=2&page=2")).JsonAsync();
        var again = await (await client.GetAsync("/api/v1/children?pageSize=2")).JsonAsync();

        Assert.Equal(2, first.Ids().Count);
        Assert.Single(last.Ids());
        Assert.Equal(world.PrimaryRoll.Order(), first.Ids().Concat(last.Ids()).Order());
        Assert.Equal(first.Ids(), again.Ids());
        foreach (var page in new[] { first, last })
        {
            Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
            Assert.Equal(2, page.GetProperty("totalPages").GetInt32());
            Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        }

        var links = first.GetProperty("links");
        Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);
        Assert.Equal("/api/v1/children?page=2&pageSize=2", links.GetProperty("next").GetString());
        Assert.Equal("/api/v1/children?page=1&pageSize=2", links.GetProperty("first").GetString());
        Assert.Equal("/api/v1/children?page=2&pageSize=2", links.GetProperty("last").GetString());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("links").GetProperty("next").ValueKind);
        Assert.Equal("/api/v1/children?page=1&pageSize=2", last.GetProperty("links").GetProperty("prev").GetString());

        // Following the links gives the same pages.
        var followed = await (await client.GetAsync(links.GetProperty("next").GetString())).JsonAsync();
        Assert.Equal(last.Ids(), followed.Ids());
    }

    [Fact]
    public async Task Links_keep_the_filters()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);

        var page = await (await ApiData.Client(host, token).GetAsync($"/api/v1/children?schoolUrn={world.Primary.Urn}&status=child-in-need&pageSize=1")).JsonAsync();

        Assert.Equal([world.Known.Id], page.Ids());
        Assert.Equal($"/api/v1/children?page=1&pageSize=1&schoolUrn={world.Primary.Urn}&status=child-in-need", page.GetProperty("links").GetProperty("self").GetString());
    }

    [Fact]
    public async Task An_empty_list_is_one_empty_page_and_a_second_page_of_it_is_out_of_range()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.AttendanceLead, world.Empty);
        var client = ApiData.Client(host, token);

        var empty = await (await client.GetAsync("/api/v1/children")).JsonAsync();
        var beyond = await client.GetAsync("/api/v1/children?page=2");

        Assert.Empty(empty.Ids());
        Assert.Equal(0, empty.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, empty.GetProperty("totalPages").GetInt32());
        Assert.Equal(50, empty.GetProperty("pageSize").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("links").GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }

    [Theory]
    [InlineData("page=3&pageSize=2", "page", "page 3 is beyond the last page: there are 3 items in 2 pages of 2")]
    [InlineData("page=0", "page", "page must be a whole number from 1")]
    [InlineData("page=first", "page", "page must be a whole number from 1")]
    [InlineData("pageSize=0", "pageSize", "pageSize must be a whole number from 1 to 100")]
    [InlineData("pageSize=101", "pageSize", "pageSize must be a whole number from 1 to 100")]
    [InlineData("pageSize=-1", "pageSize", "pageSize must be a whole number from 1 to 100")]
    [InlineData("pageSize=lots", "pageSize", "pageSize must be a whole number from 1 to 100")]
    [InlineData("schoolUrn=abc", "schoolUrn", "schoolUrn must be a school's URN")]
    [InlineData("status=in-care", "status", "status must be one of: child-in-need, child-protection-plan")]
    public async Task Out_of_range_and_bad_parameters_are_400_problems_naming_the_field(string query, string field, string message)
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.Headteacher, world.Primary);

        var response = await ApiData.Client(host, token).GetAsync($"/api/v1/children?{query}");
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_named_at_once()
    {
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);

        var problem = await (await ApiData.Client(host, token).GetAsync("/api/v1/children?page=-2&pageSize=1000&status=x")).JsonAsync();

        Assert.Equal(["page", "pageSize", "status"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiPagingTestsOnSqlite(SqliteHost fixture) : ApiPagingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ApiPagingTestsOnPostgres(PostgresHost fixture) : ApiPagingTests(fixture.Host);
