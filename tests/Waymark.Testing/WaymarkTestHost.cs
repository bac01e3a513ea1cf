using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Hosting;

namespace Waymark.Testing;

/// <summary>
/// The real Waymark app on a real Kestrel port over a fresh database of one provider,
/// seeded with <see cref="TestWorld"/>. One per provider per test assembly.
/// </summary>
public abstract class WaymarkTestHost(DatabaseProvider provider) : IAsyncDisposable
{
    private WebApplication? _app;
    private TestDatabase? _database;

    public TestWorld World { get; } = new();

    /// <summary>The app's clock; tests that move it must set it back.</summary>
    public ShiftedClock Clock { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public DatabaseProvider Provider => provider;

    /// <summary>The running app's services, for tests that read its endpoints or configuration.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The host has not started.");

    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.CreateContext())
        {
            await World.SeedAsync(db);
        }

        _app = WaymarkApp.Build(_database.Location, ["http://127.0.0.1:0"], environment: "Production", configure: b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Services.AddSingleton<TimeProvider>(Clock);

            // Every test signs in from 127.0.0.1; the limit itself has its own test.
            b.Configuration["Waymark:SignInAttemptsPerMinute"] = "100000";

            // Tests run the daily jobs themselves, at the times they choose.
            b.Configuration["Waymark:Jobs:Enabled"] = "false";
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public WaymarkDbContext CreateDbContext() => Database.CreateContext();

    /// <summary>A client with its own cookie jar that follows no redirects, so tests see every 302.</summary>
    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>A client signed in as a person would: the password, then, for someone with two-factor, a code from their app.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = TestWorld.Password)
    {
        var client = CreateClient();
        var response = await client.PostFormAsync("/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/sign-in/code")
        {
            response = await client.PostFormAsync("/sign-in/code", new() { ["Code"] = await CurrentCodeAsync(email) });
        }

        if (response.StatusCode != HttpStatusCode.Redirect
            || response.Headers.Location?.OriginalString.StartsWith("/sign-in", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException(
                $"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location?.OriginalString}");
        }

        return client;
    }

    /// <summary>
    /// The code the person's authenticator app shows now, from the key Waymark holds for them. Tests sign
    /// one person in many times within a 30-second step, which Waymark rightly refuses as a replay, so
    /// unless told otherwise this first forgets the last code accepted, as if the next step had come.
    /// Replays have tests of their own.
    /// </summary>
    public async Task<string> CurrentCodeAsync(string email, bool forgetLastCode = true)
    {
        await using var db = CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        using var store = new UserStore<WaymarkUser, IdentityRole, WaymarkDbContext>(db);
        var key = await store.GetAuthenticatorKeyAsync(user, CancellationToken.None)
            ?? throw new InvalidOperationException($"{email} has no authenticator key");
        if (forgetLastCode && user.LastTotpTimeStep is not null)
        {
            user.LastTotpTimeStep = null;
            await db.SaveChangesAsync();
        }

        return TestTotp.CodeAt(key, Clock.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public static class HttpClientFormExtensions
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs the page, then POSTs the form with the page's own anti-forgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields,
        string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? path);
        var html = await page.Content.ReadAsStringAsync();
        var token = Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage ?? path} has no anti-forgery token ({(int)page.StatusCode})");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>As <see cref="PostFormAsync"/>, for forms that repeat a field name (checkboxes, rows).</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string path,
        IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? path);
        var html = await page.Content.ReadAsStringAsync();
        var token = Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage ?? path} has no anti-forgery token ({(int)page.StatusCode})");
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> GetDocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());
}

/// <summary>Another running instance of Waymark over a given database, for tests of settings and of several instances.</summary>
public sealed class ExtraApp : IAsyncDisposable
{
    private ExtraApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<ExtraApp> StartAsync(DatabaseLocation database, Action<WebApplicationBuilder>? configure = null,
        string url = "http://127.0.0.1:0")
    {
        var app = WaymarkApp.Build(database, [url], "Production", b =>
        {
            b.Configuration["Waymark:Jobs:Enabled"] = "false";
            configure?.Invoke(b);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ExtraApp(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = Address,
        };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

public sealed class SqliteTestHost() : WaymarkTestHost(DatabaseProvider.Sqlite);

public sealed class PostgresTestHost() : WaymarkTestHost(DatabaseProvider.Postgres);
