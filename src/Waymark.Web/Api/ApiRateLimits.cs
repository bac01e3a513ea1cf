using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Waymark.Web.Api;

/// <summary>
/// Calls allowed per integration per minute (setting <c>Waymark:Api:RequestsPerMinute</c>, 600 unless set): a fixed
/// window per token, so one integration cannot starve the others or the web app. Calls without a usable token share a
/// window per address. Past the limit: 429 problem details with Retry-After.
/// </summary>
public sealed class ApiRateLimits(int requestsPerMinute) : IRateLimiterPolicy<string>
{
    public const string Policy = "api";

    public const int DefaultRequestsPerMinute = 600;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // The API's own authentication runs before the limiter (ApiPipeline), so a usable token is known here by its integration.
        var key = httpContext.User.FindFirst(ApiAuth.IntegrationClaim)?.Value is string integration
            ? "integration:" + integration
            : "address:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = requestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
            $"Too many calls: at most {requestsPerMinute} a minute for each integration. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.");
    }
}
