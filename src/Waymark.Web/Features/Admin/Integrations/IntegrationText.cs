using Waymark.Data.Entities;
using Waymark.Domain.Auditing;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Admin.Integrations;

/// <summary>How the integrations pages describe one integration.</summary>
public static class IntegrationText
{
    /// <summary>The last UK day the token works: the day before the midnight it expires at.</summary>
    public static DateOnly LastDay(ApiIntegration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        return UkClock.UkDate(integration.ExpiresAtUtc.AddTicks(-1));
    }

    /// <summary>The instant a token whose last day is <paramref name="lastDay"/> stops working: the following UK midnight.</summary>
    public static DateTime ExpiresAtUtc(DateOnly lastDay) => UnusualAccess.UkDayStartUtc(lastDay.AddDays(1));

    public static string Status(ApiIntegration integration, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(integration);
        return integration.IsRevoked ? "Revoked" : integration.HasExpired(nowUtc) ? "Expired" : "Active";
    }

    public static string StatusTag(string status) => status switch
    {
        "Active" => "govuk-tag--green",
        "Expired" => "govuk-tag--grey",
        _ => "govuk-tag--red",
    };

    public static string ActsAs(ApiIntegration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        return integration.School is { } school ? $"{Roles.DisplayName(integration.Role)} at {school.Name}" : Roles.DisplayName(integration.Role);
    }

    public static string Scopes(ApiIntegration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        return string.Join(", ", integration.ScopeList.Select(ApiScopes.Name));
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
