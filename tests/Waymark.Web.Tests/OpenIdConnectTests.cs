using Microsoft.AspNetCore.Builder;
using Waymark.Data;
using Waymark.Testing;

namespace Waymark.Web.Tests;

/// <summary>The council identity-provider option appears only when configured; local accounts stay the default.</summary>
public abstract class OpenIdConnectTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<string> SignInPageAsync(Action<WebApplicationBuilder>? configure)
    {
        await using var app = await ExtraApp.StartAsync(_database.Location, configure);
        using var client = app.CreateClient();
        return await client.GetStringAsync("/sign-in");
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
