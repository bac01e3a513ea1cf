using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Jobs;

/// <summary>
/// The row for (job, day) is the claim: the first instance to insert it runs the job that day. A failed run is
/// claimed again by the next attempt.
/// </summary>
public static class JobClaims
{
    public static async Task<JobRun?> ClaimAsync(WaymarkDbContext db, string job, DateOnly today, DateTime startedUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Job == job && r.Day == today, ct);
        if (existing is { Failed: false })
        {
            return null;
        }

        if (existing is not null)
        {
            var claimed = await db.JobRuns.Where(r => r.Job == job && r.Day == today && r.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Failed, false).SetProperty(r => r.StartedAtUtc, startedUtc)
                    .SetProperty(r => r.FinishedAtUtc, (DateTime?)null).SetProperty(r => r.Outcome, (string?)null), ct);
            return claimed == 1 ? await db.JobRuns.SingleAsync(r => r.Job == job && r.Day == today, ct) : null;
        }

        var run = new JobRun { Job = job, Day = today, StartedAtUtc = startedUtc };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return run;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the day's row first.
            return null;
        }
    }
}
