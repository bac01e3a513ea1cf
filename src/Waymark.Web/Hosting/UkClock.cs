namespace Waymark.Web.Hosting;

/// <summary>Dates as they are in England, whatever time zone the server runs in.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly UkToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);
}
