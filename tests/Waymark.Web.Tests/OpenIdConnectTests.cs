using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Data;
using Waymark.Testing;
using Waymark.Web.Hosting;

namespace Waymark.Web.Tests;

/// <summary>The council identity-provider option appears only when configured; local accounts stay the default.</summary>
public abstract class OpenIdConnectTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<string> SignInPageAsync(Action<WebApplicationBuilder>? configure)
    {
        await using var app = WaymarkApp.Build(_database.Location, ["http://127.0.0.1:0"], "Production", configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var html = await client.GetStringAsync("/sign-in");
        await app.StopAsync();
        return html;
    }

    [Fact]
    public async Task Without_settings_there_is_no_council_sign_in_button()
    {
        var html = await SignInPageAsync(null);

        Assert.DoesNotContain("/sign-in/council", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in with ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_authority_configured_the_council_sign_in_button_appears()
    {
        var html = await SignInPageAsync(b =>
        {
            b.Configuration["Authentication:OpenIdConnect:Authority"] = "https://login.council.example/tenant/v2.0";
            b.Configuration["Authentication:OpenIdConnect:ClientId"] = "waymark";
            b.Configuration["Authentication:OpenIdConnect:DisplayName"] = "your Eastmoor account";
        });

        Assert.Contains(">Sign in with your Eastmoor account<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in/council\"", html, StringComparison.Ordinal);
    }
}

public sealed class OpenIdConnectTestsOnSqlite() : OpenIdConnectTests(DatabaseProvider.Sqlite);

public sealed class OpenIdConnectTestsOnPostgres() : OpenIdConnectTests(DatabaseProvider.Postgres);
