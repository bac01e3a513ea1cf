using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Features.Adulthood;
using Waymark.Web.Hosting;

namespace Waymark.Web.Jobs;

/// <summary>
/// Once a day, tells each PfA worker which young people in their caseload have a checklist item or pathway plan review
/// that became overdue since the last run (<see cref="PfaOverdueNotices"/>). Items fall overdue with the date alone, so
/// nothing else would tell them. Runs at <c>Waymark:Jobs:PfaOverdueAt</c> (UK time, default 06:30), or at start-up
/// when that time has passed and the day's run has not happened; <c>Waymark:Jobs:Enabled=false</c> turns it off.
/// </summary>
public sealed class PfaOverdueDaily(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PfaOverdueDaily> log)
    : DailyJob(clock, configuration, log, "Waymark:Jobs:PfaOverdueAt", new TimeOnly(6, 30), "the preparing for adulthood overdue notices")
{
    public const string JobName = "pfa-overdue";

    /// <summary>Sends the day's notices if their time has come and no instance has sent them yet. Returns what it did, or null.</summary>
    public override async Task<JobRun?> RunIfDueAsync(CancellationToken ct)
    {
        if (!TimeHasCome())
        {
            return null;
        }

        var today = Clock.UkToday();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();

        // Read before claiming today's row: everything that fell overdue after the last good run is news.
        var lastRunOn = await db.JobRuns.AsNoTracking().Where(r => r.Job == JobName && !r.Failed && r.FinishedAtUtc != null && r.Day < today)
            .MaxAsync(r => (DateOnly?)r.Day, ct);
        if (await JobClaims.ClaimAsync(db, JobName, today, Clock.GetUtcNow().UtcDateTime, ct) is not { } run)
        {
            return null;
        }

        try
        {
            var sent = await PfaOverdueNotices.AddAsync(db, today, lastRunOn, Clock.GetUtcNow().UtcDateTime, ct);
            run.Outcome = $"{sent:N0} notification(s) of newly overdue preparing for adulthood work, since {(lastRunOn is DateOnly l ? l.ToString("yyyy-MM-dd") : "yesterday (first run)")}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The daily preparing for adulthood overdue notices failed");
            db.ChangeTracker.Clear();
            db.Attach(run);
            run.Failed = true;
            run.Outcome = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        }

        // The notifications and the finished run are saved together: a run that fails sends nothing and is tried again.
        run.FinishedAtUtc = Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return run;
    }
}
