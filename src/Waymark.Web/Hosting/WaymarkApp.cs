using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waymark.Data;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Web.Api;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Hosting;

/// <summary>Builds the one Waymark application, used by <c>waymark serve</c>, by the other verbs and by the tests.</summary>
public static class WaymarkApp
{
    public static WebApplication Build(DatabaseLocation database, string[]? urls = null, string? environment = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        // Dates and numbers as English councils write them, whatever the server's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

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

        var settings = builder.Configuration.GetSection("Waymark");

        // Secure-only cookies everywhere except plain http on this machine (the embedded demo and the
        // tests); behind a council's TLS proxy the app listens on another address and gets them.
        var secure = settings.GetValue<bool?>("SecureCookies") ?? !ListensOnlyOnLoopbackHttp(urls);
        var cookieSecurity = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var cookiePrefix = secure ? "__Host-" : "";

        var services = builder.Services;
        services.AddSingleton(database);
        // Tests put their own clock in first.
        services.TryAddSingleton(TimeProvider.System);
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

                // The user name is the email address, which may hold an apostrophe (o'brien@...).
                o.User.AllowedUserNameCharacters = string.Empty;
            })
            .AddEntityFrameworkStores<WaymarkDbContext>()
            .AddSignInManager()
            .AddTokenProvider<TotpTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddSingleton(TwoFactorSettings.From(settings["TwoFactor:RequiredFor"]));

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = WaymarkAuth.Scheme;
                o.DefaultSignInScheme = WaymarkAuth.Scheme;
                o.DefaultChallengeScheme = WaymarkAuth.Scheme;
            })
            .AddCookie(WaymarkAuth.Scheme, o =>
            {
                o.Cookie.Name = cookiePrefix + "waymark-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = cookieSecurity;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.ExpireTimeSpan = WaymarkAuth.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = WaymarkAuth.RefreshFromDatabaseAsync;
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    // A real 403 (rendered by the status page), not a redirect.
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddCookie(WaymarkAuth.PendingScheme, o =>
            {
                o.Cookie.Name = cookiePrefix + "waymark-pending";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = cookieSecurity;
                o.ExpireTimeSpan = PendingSignIn.Lifetime;
                o.SlidingExpiration = false;
            })

            // Integrations' bearer tokens, for /api only (docs/api.md).
            .AddScheme<ApiTokenOptions, ApiTokenHandler>(ApiAuth.Scheme, _ => { });

        var oidc = builder.Configuration.GetSection("Authentication:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            auth.AddCookie(WaymarkAuth.ExternalScheme, o =>
                {
                    o.Cookie.Name = "waymark-external";
                    o.Cookie.SecurePolicy = cookieSecurity;
                    o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                })
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

                    // Keep the token's own claim names (sub, oid, tid, amr) for ExternalAccountLinker.
                    o.MapInboundClaims = false;
                    o.ClaimActions.Remove("amr");
                });
            services.AddSingleton(new OidcSettings(
                true,
                oidc["DisplayName"] ?? "your council account",
                string.IsNullOrWhiteSpace(oidc["TenantId"]) ? null : oidc["TenantId"],
                !string.Equals(oidc["RequireMfa"], "false", StringComparison.OrdinalIgnoreCase)));
        }
        else
        {
            services.AddSingleton(new OidcSettings(false, ""));
        }

        var authorization = services.AddAuthorizationBuilder();
        ApiAuth.AddPolicies(authorization);
        authorization
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(WaymarkAuth.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ChildRecords, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanOpenChildRecords))
            .AddPolicy(Policies.UserAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanAdministerUsers))
            .AddPolicy(Policies.AuditReports, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanSeeAuditReports))
            .AddPolicy(Policies.Benchmarking, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanSeeBenchmarking))
            .AddPolicy(Policies.Transition, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanOpenChildRecords))
            .AddPolicy(Policies.TransitionProgramme, p => p.RequireAuthenticatedUser().RequireAssertion(Policies.CanSeeProgramme));

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Auditor>();
        services.AddSingleton<Waymark.Data.Auditing.IAuditActor, HttpAuditActor>();
        services.AddScoped<ExternalAccountLinker>();
        services.AddScoped<TwoFactorAccounts>();
        services.AddScoped<PendingSignIn>();
        services.AddScoped<Waymark.Web.Accounts.UserAccountService>();
        services.AddScoped<DemoDataGenerator>();
        services.AddScoped<Waymark.Data.Attendance.AttendanceStatistics>();
        services.AddScoped<Waymark.Data.Attendance.AttendanceRegister>();
        services.AddScoped<Waymark.Web.Features.Children.ChildGate>();
        services.AddScoped<Waymark.Web.Features.Transitions.TransitionGate>();
        services.AddScoped<Waymark.Web.Features.EarlyHelp.EarlyHelpGate>();
        services.AddScoped<Waymark.Web.Features.Adulthood.AdulthoodGate>();
        services.AddScoped<Waymark.Web.Features.Transitions.TransitionSharing>();
        services.AddScoped<Waymark.Web.Features.Transitions.CohortProposer>();
        services.AddScoped<Waymark.Data.Attendance.AttendanceAlertEngine>();
        services.AddScoped<Waymark.Data.Attendance.IAttendanceAlertSource, Waymark.Data.Attendance.SuspensionAlertSource>();
        services.AddScoped<Waymark.Data.Attendance.IAttendanceAlertSource, Waymark.Data.Attendance.ReducedTimetableAlertSource>();
        services.AddScoped<Waymark.Web.Features.Attendance.ReducedTimetables.ReducedTimetableGate>();
        services.AddScoped<Waymark.Data.Attendance.AttendanceBreakdowns>();
        services.AddScoped<Waymark.Data.Kpis.KpiFigures>();
        services.AddScoped<Waymark.Web.Features.Shared.Downloads.TableDownloads>();
        services.AddScoped<Waymark.Web.Features.QualityMark.QualityMarkGate>();
        services.AddScoped<Waymark.Web.Features.Benchmarking.BenchmarkingReport>();
        services.AddScoped<Waymark.Web.SubjectAccess.SubjectAccessExport>();
        services.AddScoped<Waymark.Web.CommonTransfer.CommonTransferFileExport>();
        services.AddScoped<Waymark.Data.Retention.RetentionReport>();
        services.AddScoped<Waymark.Web.Retention.RetentionDeleter>();
        services.AddSingleton<Waymark.Web.Jobs.AttendanceAlertsDaily>();
        services.AddHostedService(sp => sp.GetRequiredService<Waymark.Web.Jobs.AttendanceAlertsDaily>());
        services.AddSingleton<Waymark.Web.Jobs.PfaOverdueDaily>();
        services.AddHostedService(sp => sp.GetRequiredService<Waymark.Web.Jobs.PfaOverdueDaily>());
        services.AddSingleton<ServiceBranding>();
        services.AddScoped<ApiCalls>();
        services.AddScoped<ApiChildren>();

        // Ahead of ASP.NET Core's own writer, so everything under /api answers errors as problem details.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
        services.AddProblemDetails();
        services.AddWaymarkOpenApi();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Children", Policies.ChildRecords);
            o.Conventions.AuthorizeFolder("/Admin", Policies.UserAdmin);
            o.Conventions.AuthorizeFolder("/Audit", Policies.AuditReports);
            o.Conventions.AuthorizeFolder("/Benchmarking", Policies.Benchmarking);
            o.Conventions.AuthorizeFolder("/Transitions", Policies.Transition);
            o.Conventions.AuthorizeFolder("/Transitions/Programme", Policies.TransitionProgramme);
            // Every attendance page is about children's records; pages narrow it further by role.
            o.Conventions.AuthorizeFolder("/Attendance", Policies.ChildRecords);
            o.Conventions.AuthorizeFolder("/Adulthood", Policies.ChildRecords);
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/ExternalCallback");
            o.Conventions.AllowAnonymousToPage("/Account/CouncilSignIn");
            o.Conventions.AllowAnonymousToPage("/Account/SignInCode");
            o.Conventions.AllowAnonymousToPage("/Account/SignInRecoveryCode");
            o.Conventions.AllowAnonymousToPage("/Account/SignInSetUp");
            o.Conventions.AllowAnonymousToFolder("/About");
            o.Conventions.AllowAnonymousToFolder("/Errors");
            o.Conventions.ConfigureFilter(new NoStoreFilter());
            o.Conventions.ConfigureFilter(new UnhandledMethodFilter());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookiePrefix + "waymark-antiforgery";
            o.Cookie.SecurePolicy = cookieSecurity;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            // Carries only the one-line success message after a change.
            o.Cookie.Name = cookiePrefix + "waymark-flash";
            o.Cookie.SecurePolicy = cookieSecurity;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.IsEssential = true;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        var signInsPerMinute = settings.GetValue("SignInAttemptsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Slows password guessing and stops one address locking out everyone's accounts.
            o.AddPolicy(RateLimits.SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"));

            // Per integration's token (docs/api.md).
            o.AddPolicy(ApiRateLimits.Policy, new ApiRateLimits(settings.GetValue("Api:RequestsPerMinute", ApiRateLimits.DefaultRequestsPerMinute)));
        });
        services.AddHealthChecks().AddDbContextCheck<WaymarkDbContext>("database");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the council's own proxies are believed (loopback always is).
            foreach (var network in (settings["TrustedProxyNetworks"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });

        var app = builder.Build();

        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWaymarkErrorHandling();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (secure)
        {
            app.UseHttpsRedirection();
        }

        app.UseStaticFiles();
        app.UseMiddleware<RequestTextGuardMiddleware>();
        app.UseRouting();
        app.UseApiAuthentication();
        app.UseRateLimiter();
        app.UseWebAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapWaymarkApi();
        app.MapRazorPages();
        return app;
    }

    private static bool ListensOnlyOnLoopbackHttp(string[]? urls) =>
        urls is not { Length: > 0 } || urls.All(u =>
            Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp &&
            (uri.IsLoopback || uri.Host == "localhost"));

    /// <summary>Applies any pending migrations for whichever provider is configured.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        scope.ServiceProvider.GetRequiredService<DatabaseLocation>().EnsureDirectory();
        await db.Database.MigrateAsync(ct);

        // Entries written before the hash chain existed join it once, in the order they were written.
        await Waymark.Data.Auditing.AuditChain.SealUnsealedAsync(db, ct);
    }
}

