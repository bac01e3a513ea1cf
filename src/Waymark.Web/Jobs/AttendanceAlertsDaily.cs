using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;
using Waymark.Web.Hosting;

namespace Waymark.Web.Jobs;

/// <summary>
/// Brings the attendance worklist up to date once a day for every pupil. An import already recomputes the pupils
/// whose marks changed; this catches what follows from the date alone (an N mark now five school days old, ten
/// days of unexplained absence, a reduced timetable past six weeks or its review date). Runs at
/// <c>Waymark:Jobs:AttendanceAlertsAt</c> (UK time, default 06:00), or at start-up when that time has passed and
/// the day's run has not happened. <c>Waymark:Jobs:Enabled=false</c> turns it off (the test hosts do).
/// </summary>
public sealed class AttendanceAlertsDaily(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<AttendanceAlertsDaily> log)
    : DailyJob(clock, configuration, log, "Waymark:Jobs:AttendanceAlertsAt", new TimeOnly(6, 0), "the attendance worklist")
{
    public const string JobName = "attendance-alerts";

    /// <summary>Runs the day's recompute if its time has come and no instance has run it yet. Returns what it did, or null.</summary>
    public override async Task<JobRun?> RunIfDueAsync(CancellationToken ct)
    {
        if (!TimeHasCome())
        {
            return null;
        }

        var today = Clock.UkToday();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        if (await JobClaims.ClaimAsync(db, JobName, today, Clock.GetUtcNow().UtcDateTime, ct) is not { } run)
        {
            return null;
        }

        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<AttendanceAlertEngine>().RecomputeAsync(today, ct: ct);
            var changes = result.Changes;
            run.Outcome = $"{changes.Pupils:N0} pupil record(s) checked, {changes.Raised:N0} raised, {changes.Cleared:N0} cleared, " +
                $"{changes.Reopened:N0} reopened in {result.Elapsed.TotalSeconds:N1} s";
            scope.ServiceProvider.GetRequiredService<Auditor>().Record(AuditActions.AttendanceAlertsRecomputed,
                detail: $"as of {today:yyyy-MM-dd} (daily job): {changes.Raised} raised, {changes.Cleared} cleared, {changes.Reopened} reopened");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The daily attendance worklist recompute failed");
            db.ChangeTracker.Clear();
            db.Attach(run);
            run.Failed = true;
            run.Outcome = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        }

        run.FinishedAtUtc = Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return run;
    }
}
