using Microsoft.AspNetCore.Authentication;

namespace Waymark.Web.Api;

/// <summary>
/// Where the API's requests part from the web pages' in the pipeline: errors as problem details rather than the styled
/// error pages, and authentication by the bearer token alone (the web pages' cookie is never read for /api).
/// </summary>
public static class ApiPipeline
{
    /// <summary>Errors: problem details under /api, the styled error pages everywhere else.</summary>
    public static void UseWaymarkErrorHandling(this IApplicationBuilder app)
    {
        app.UseWhen(ApiAuth.IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !ApiAuth.IsApiRequest(c), web =>
        {
            web.UseExceptionHandler("/error/500");
            web.UseStatusCodePagesWithReExecute("/error/{0}");
        });
    }

    /// <summary>
    /// Under /api, the bearer token authenticates the request, before the rate limiter so that calls are counted per
    /// integration. The API's policies name the token's scheme only, so authorisation checks the same token (the
    /// handler's result is kept for the request).
    /// </summary>
    public static void UseApiAuthentication(this IApplicationBuilder app) =>
        app.UseWhen(ApiAuth.IsApiRequest, api => api.Use(async (context, next) =>
        {
            // Nothing the API answers may sit in a cache.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            var result = await context.AuthenticateAsync(ApiAuth.Scheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }

            await next(context);
        }));

    /// <summary>Everywhere else, the sign-in cookie (and the council's sign-in callback); never under /api.</summary>
    public static void UseWebAuthentication(this IApplicationBuilder app) =>
        app.UseWhen(c => !ApiAuth.IsApiRequest(c), web => web.UseAuthentication());
}
