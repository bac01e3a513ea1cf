namespace Waymark.Web.Jobs;

/// <summary>
/// A job that runs once a day at a UK time from configuration (or at start-up when that time has passed and the day's
/// run has not happened): checks every five minutes, and a failure is logged, never fatal, so tomorrow's run still
/// happens. <c>Waymark:Jobs:Enabled=false</c> turns every daily job off (the test hosts do).
/// </summary>
public abstract class DailyJob(TimeProvider clock, IConfiguration configuration, ILogger log, string atSetting, TimeOnly defaultAt, string description)
    : BackgroundService
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    protected TimeProvider Clock => clock;

    private TimeOnly RunAt => TimeOnly.TryParse(configuration[atSetting], System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : defaultAt;

    /// <summary>Whether the day's time has come (UK time).</summary>
    protected bool TimeHasCome() => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime) >= RunAt;

    /// <summary>Runs the day's work if its time has come and no instance has done it yet; null when it did nothing.</summary>
    public abstract Task<Data.Entities.JobRun?> RunIfDueAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Waymark:Jobs:Enabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop tomorrow's run.
                log.LogError(ex, "The daily job could not run: {Job}", description);
            }

            await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken);
        }
    }
}
