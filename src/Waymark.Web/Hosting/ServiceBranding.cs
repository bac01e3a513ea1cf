using Microsoft.EntityFrameworkCore;
using Waymark.Data;

namespace Waymark.Web.Hosting;

/// <summary>
/// The local authority's name for the page header, cached so pages (the error page above all) still
/// render when the database is slow or down.
/// </summary>
public sealed class ServiceBranding(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ServiceBranding> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (string? Name, DateTimeOffset At)? _cached;

    public async Task<string?> LocalAuthorityNameAsync()
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now - cached.At < Lifetime)
        {
            return cached.Name;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var name = await db.LocalAuthorities.AsNoTracking().Select(l => l.Name).FirstOrDefaultAsync();
            _cached = (name, now);
            return name;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not read the local authority's name");
            return _cached?.Name;
        }
    }
}
