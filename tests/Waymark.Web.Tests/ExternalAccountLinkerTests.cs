using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Tests;

/// <summary>Which Waymark account a council identity-provider sign-in belongs to: matched on the immutable subject, never a mutable name.</summary>
public abstract class ExternalAccountLinkerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Issuer = "https://login.council.example/tenant-1/v2.0";
    private const string Tenant = "tenant-1";
    private TestDatabase _database = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.CreateContext())
        {
            db.Users.Add(TestWorld.NewUser("jo.bloggs@council.example", "Jo Bloggs", Role.LaOfficer, null));
            var inactive = TestWorld.NewUser("gone@council.example", "Gone", Role.LaOfficer, null);
            inactive.IsActive = false;
            db.Users.Add(inactive);
            await db.SaveChangesAsync();
        }

        _app = WaymarkApp.Build(_database.Location, ["http://127.0.0.1:0"], "Production", b =>
        {
            b.Configuration["Authentication:OpenIdConnect:Authority"] = Issuer;
            b.Configuration["Authentication:OpenIdConnect:ClientId"] = "waymark";
            b.Configuration["Authentication:OpenIdConnect:TenantId"] = Tenant;
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static ClaimsPrincipal Token(string subject, string? email, string tenant = Tenant, bool mfa = true, string? preferredUsername = null)
    {
        var claims = new List<Claim> { new("sub", subject, null, Issuer), new("tid", tenant, null, Issuer) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email, null, Issuer));
        }

        if (preferredUsername is not null)
        {
            claims.Add(new Claim("preferred_username", preferredUsername, null, Issuer));
        }

        claims.Add(new Claim("amr", "pwd", null, Issuer));
        if (mfa)
        {
            claims.Add(new Claim("amr", "mfa", null, Issuer));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));
    }

    private async Task<ExternalSignInOutcome> ResolveAsync(ClaimsPrincipal token)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExternalAccountLinker>().ResolveAsync(token);
    }

    [Fact]
    public async Task The_first_sign_in_links_by_verified_email_and_later_ones_match_on_the_subject_alone()
    {
        var first = await ResolveAsync(Token("subject-1", "jo.bloggs@council.example"));
        var renamed = await ResolveAsync(Token("subject-1", "jo.smith@council.example"));

        Assert.Equal("jo.bloggs@council.example", first.User?.Email);
        Assert.Equal("jo.bloggs@council.example", renamed.User?.Email);
    }

    [Fact]
    public async Task A_second_identity_cannot_take_over_an_already_linked_account_by_email()
    {
        Assert.NotNull((await ResolveAsync(Token("subject-1", "jo.bloggs@council.example"))).User);

        var impostor = await ResolveAsync(Token("subject-2", "jo.bloggs@council.example"));

        Assert.Null(impostor.User);
        Assert.Contains("already linked", impostor.AuditDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody@council.example", Tenant, true, "no account")]
    [InlineData("gone@council.example", Tenant, true, "deactivated")]
    [InlineData("jo.bloggs@council.example", "another-tenant", true, "wrong tenant")]
    [InlineData("jo.bloggs@council.example", Tenant, false, "multi-factor")]
    public async Task Sign_ins_that_do_not_belong_to_an_active_account_are_refused(string email, string tenant, bool mfa, string reason)
    {
        var outcome = await ResolveAsync(Token("subject-x", email, tenant, mfa));

        Assert.Null(outcome.User);
        Assert.NotNull(outcome.Problem);
        Assert.Contains(reason, outcome.AuditDetail, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.UserLogins);
    }

    [Fact]
    public async Task A_linked_account_that_is_later_deactivated_is_refused()
    {
        Assert.NotNull((await ResolveAsync(Token("subject-4", "jo.bloggs@council.example"))).User);
        await using (var db = _database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Email == "jo.bloggs@council.example")).IsActive = false;
            await db.SaveChangesAsync();
        }

        var outcome = await ResolveAsync(Token("subject-4", "jo.bloggs@council.example"));

        Assert.Null(outcome.User);
        Assert.Contains("deactivated", outcome.AuditDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_username_claim_is_never_used_to_find_an_account()
    {
        var outcome = await ResolveAsync(Token("subject-3", email: null, preferredUsername: "jo.bloggs@council.example"));

        Assert.Null(outcome.User);
    }
}

public sealed class ExternalAccountLinkerTestsOnSqlite() : ExternalAccountLinkerTests(DatabaseProvider.Sqlite);

public sealed class ExternalAccountLinkerTestsOnPostgres() : ExternalAccountLinkerTests(DatabaseProvider.Postgres);
