using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Testing;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// Every page the app has, read from its own endpoints rather than a list someone must keep up: only the sign-in
/// pages, the public information pages and the error pages are open without signing in, and every other page sends a
/// signed-out visitor to sign in, by GET and by POST, before anything is read.
/// </summary>
public abstract class EveryPageTests(WaymarkTestHost host)
{
    private static readonly string[] PublicPages =
    [
        "/Account/SignIn", "/Account/ExternalCallback", "/Account/CouncilSignIn", "/Account/SignInCode", "/Account/SignInRecoveryCode",
        "/Account/SignInSetUp",
    ];

    private static readonly string[] PublicFolders = ["/About/", "/Errors/"];

    private IReadOnlyList<(string ViewPath, string Route, bool Anonymous)> Pages() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>(), Endpoint: e))
            .Where(p => p.Page is not null)
            .Select(p => (p.Page!.ViewEnginePath, p.Endpoint.RoutePattern.RawText ?? "", p.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Distinct()
            .ToList();

    [Fact]
    public void Only_sign_in_information_and_error_pages_are_open_without_signing_in()
    {
        var pages = Pages();
        Assert.True(pages.Count > 60, $"only {pages.Count} pages found; the endpoint reading is wrong");

        var open = pages.Where(p => p.Anonymous).Select(p => p.ViewPath).Distinct().Order(StringComparer.Ordinal).ToList();
        var unexpected = open.Where(v => !PublicPages.Contains(v) && !PublicFolders.Any(f => v.StartsWith(f, StringComparison.Ordinal))).ToList();

        Assert.True(unexpected.Count == 0, "open without sign-in: " + string.Join(", ", unexpected));
        Assert.All(PublicPages, p => Assert.Contains(p, open));
    }

    [Fact]
    public async Task Every_other_page_sends_a_signed_out_visitor_to_sign_in_by_get_and_post()
    {
        var child = host.World.PrimaryChild.Id.ToString();
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var (viewPath, route, anonymous) in Pages().Where(p => !p.Anonymous))
        {
            var path = "/" + Fill(route, child);
            checkedPages++;
            foreach (var post in new[] { false, true })
            {
                var client = host.CreateClient();
                var response = post ? await client.PostAsync(path, new FormUrlEncodedContent([])) : await client.GetAsync(path);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/sign-in", StringComparison.Ordinal))
                {
                    failures.Add($"{(post ? "POST" : "GET")} {path} ({viewPath}): {(int)response.StatusCode} {location}");
                }
            }
        }

        Assert.True(checkedPages > 60, $"only {checkedPages} pages checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A real value for each route parameter: the world's child for a guid, 1 for a number, a URN otherwise.</summary>
    private static string Fill(string route, string childId)
    {
        var parts = route.Split('/').Select(part =>
        {
            if (!part.StartsWith('{'))
            {
                return part;
            }

            if (part.Contains('?', StringComparison.Ordinal))
            {
                return "";
            }

            return part.Contains(":guid", StringComparison.Ordinal) ? childId : part.Contains(":int", StringComparison.Ordinal) || part.Contains(":long", StringComparison.Ordinal) ? "1" : "900001";
        });
        return string.Join('/', parts.Where(p => p.Length > 0));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EveryPageTestsOnSqlite(SqliteHost fixture) : EveryPageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class EveryPageTestsOnPostgres(PostgresHost fixture) : EveryPageTests(fixture.Host);
