using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Hosting;

/// <summary>Builds the one Waymark application, used by <c>waymark serve</c>, by the other verbs and by the tests.</summary>
public static class WaymarkApp
{
    public static WebApplication Build(DatabaseLocation database, string[]? urls = null, string? environment = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Static files and settings sit beside the binary, whatever the working directory.
            ContentRootPath = AppContext.BaseDirectory,

            // Pages are found in this assembly even when a test runner is the entry point.
            ApplicationName = typeof(WaymarkApp).Assembly.GetName().Name,
            EnvironmentName = environment,
            Args = [],
        });

        if (urls is { Length: > 0 })
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // Before anything reads configuration, so callers (and tests) can supply settings.
        configure?.Invoke(builder);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<WaymarkDbContext, SqliteWaymarkDbContext>(database.Configure);
        }
        else
        {
            services.AddDbContext<WaymarkDbContext, PostgresWaymarkDbContext>(database.Configure);
        }


        // Cookie keys live in the database, so sessions survive restarts and work across instances.
        services.AddDataProtection().SetApplicationName("waymark").PersistKeysToDbContext<WaymarkDbContext>();

        services.AddIdentityCore<WaymarkUser>(o =>
            {
                // NCSC: length over composition rules; lock out guessing.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<WaymarkDbContext>()
            .AddSignInManager();

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = WaymarkAuth.Scheme;
                o.DefaultSignInScheme = WaymarkAuth.Scheme;
                o.DefaultChallengeScheme = WaymarkAuth.Scheme;
            })
            .AddCookie(WaymarkAuth.Scheme, o =>
            {
                o.Cookie.Name = "waymark-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = WaymarkAuth.RefreshFromDatabaseAsync;
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    // A real 403 (rendered by the status page), not a redirect.
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        // Identity's own schemes must exist for SignInManager, though Waymark signs in with its own cookie.
        auth.AddCookie(IdentityConstants.ApplicationScheme).AddCookie(IdentityConstants.TwoFactorUserIdScheme)
            .AddCookie(IdentityConstants.ExternalScheme);

        var oidc = builder.Configuration.GetSection("Authentication:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            auth.AddCookie(WaymarkAuth.ExternalScheme, o => o.Cookie.Name = "waymark-external")
                .AddOpenIdConnect(WaymarkAuth.OidcScheme, oidc["DisplayName"] ?? "Council account", o =>
                {
                    o.SignInScheme = WaymarkAuth.ExternalScheme;
                    o.Authority = oidc["Authority"];
                    o.ClientId = oidc["ClientId"];
                    o.ClientSecret = oidc["ClientSecret"];
                    o.ResponseType = "code";
                    o.UsePkce = true;
                    o.CallbackPath = "/sign-in/oidc";
                    o.Scope.Add("email");
                    o.SaveTokens = false;
                });
            services.AddSingleton(new OidcSettings(true, oidc["DisplayName"] ?? "your council account"));
        }
        else
        {
            services.AddSingleton(new OidcSettings(false, ""));
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(WaymarkAuth.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ChildRecords, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanOpenChildRecords))
            .AddPolicy(Policies.UserAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanAdministerUsers));

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Auditor>();
        services.AddScoped<Waymark.Web.Accounts.UserAccountService>();
        services.AddScoped<DemoDataGenerator>();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Children", Policies.ChildRecords);
            o.Conventions.AuthorizeFolder("/Admin", Policies.UserAdmin);
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/ExternalCallback");
            o.Conventions.AllowAnonymousToFolder("/About");
            o.Conventions.AllowAnonymousToFolder("/Errors");
            o.Conventions.ConfigureFilter(new NoStoreFilter());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "waymark-antiforgery";
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHealthChecks().AddDbContextCheck<WaymarkDbContext>("database");
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });

        var app = builder.Build();

        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Applies any pending migrations for whichever provider is configured.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        scope.ServiceProvider.GetRequiredService<DatabaseLocation>().EnsureDirectory();
        await db.Database.MigrateAsync(ct);
    }
}

public sealed record OidcSettings(bool Enabled, string DisplayName);
