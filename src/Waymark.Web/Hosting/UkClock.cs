namespace Waymark.Web.Hosting;

/// <summary>Dates as they are in England, whatever time zone the server runs in.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly UkToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    /// <summary>The time now as a clock in England shows it.</summary>
    public static DateTime UkNow(this TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime;

    /// <summary>The UK date of a stored UTC time.</summary>
    public static DateOnly UkDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));

    /// <summary>A stored UTC time as people in England read it, e.g. "3 March 2027 at 2:05pm".</summary>
    public static string UkDateTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London)
            .ToString("d MMMM yyyy 'at' h:mmtt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
}
