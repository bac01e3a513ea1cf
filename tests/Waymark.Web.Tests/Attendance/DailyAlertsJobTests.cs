using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Hosting;
using Waymark.Web.Jobs;

namespace Waymark.Web.Tests.Attendance;

/// <summary>The daily worklist job: due at its time, once a day however many instances share the database.</summary>
public abstract class DailyAlertsJobTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _childId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);

        // An N mark on Monday 7 September 2026 never replaced, and present every other day to Friday 18 September.
        var marks = new YearMarks(new AcademicYear(2026));
        for (var day = new DateOnly(2026, 9, 7); day <= new DateOnly(2026, 9, 18); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                marks.Set(day, Session.AM, day == new DateOnly(2026, 9, 7) ? AttendanceCodes.NotYetEstablished : AttendanceCodes.Present);
                marks.Set(day, Session.PM, AttendanceCodes.Present);
            }
        }

        await using var db = _database.CreateContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 2998, Name = "Daily Primary", Phase = SchoolPhase.Primary, Type = "Community school" };
        var child = TestWorld.NewChild("Daily", "Pupil", new DateOnly(2017, 5, 1), Sex.Female, 2998, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = new DateOnly(2024, 9, 1), Type = EnrolmentType.Single });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = school.Id, AcademicYear = 2026, Marks = marks.Bytes });
        await db.SaveChangesAsync();
        _childId = child.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ShiftedClock ClockAt(int day, int hour) =>
        new() { Offset = new DateTimeOffset(2026, 9, day, hour, 30, 0, TimeSpan.FromHours(1)) - DateTimeOffset.UtcNow };

    private async Task<JobRun?> RunAsync(ShiftedClock clock)
    {
        await using var app = WaymarkApp.Build(_database.Location, configure: b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Services.AddSingleton<TimeProvider>(clock);
        });
        return await app.Services.GetRequiredService<AttendanceAlertsDaily>().RunIfDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_job_raises_date_driven_alerts_once_a_day_after_its_time()
    {
        // Friday 18 September: the N of the 7th is now more than five school days old.
        var early = await RunAsync(ClockAt(18, 5));
        var due = await RunAsync(ClockAt(18, 7));
        var again = await RunAsync(ClockAt(18, 9));
        var nextDay = await RunAsync(ClockAt(19, 7));

        Assert.Null(early);
        Assert.NotNull(due);
        Assert.False(due.Failed);
        Assert.Contains("1 pupil record(s) checked, 1 raised", due.Outcome, StringComparison.Ordinal);
        Assert.Null(again);
        Assert.NotNull(nextDay);
        Assert.Contains("0 raised", nextDay.Outcome, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var alert = await db.AttendanceAlerts.SingleAsync();
        Assert.Equal((_childId, AlertKind.UnexplainedMarkNotReplaced, new DateOnly(2026, 9, 18)), (alert.ChildId, alert.Kind, alert.RaisedOn));
        Assert.Equal([new DateOnly(2026, 9, 18), new DateOnly(2026, 9, 19)],
            await db.JobRuns.Where(r => r.Job == AttendanceAlertsDaily.JobName).OrderBy(r => r.Day).Select(r => r.Day).ToListAsync());
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AttendanceAlertsRecomputed && e.Detail!.Contains("(daily job)")));
    }

    [Fact]
    public async Task A_failed_run_is_claimed_again_by_the_next_attempt()
    {
        await using (var db = _database.CreateContext())
        {
            db.JobRuns.Add(new JobRun { Job = AttendanceAlertsDaily.JobName, Day = new DateOnly(2026, 9, 18), StartedAtUtc = DateTime.UtcNow, Failed = true, Outcome = "database unreachable" });
            await db.SaveChangesAsync();
        }

        var retried = await RunAsync(ClockAt(18, 8));

        Assert.NotNull(retried);
        Assert.False(retried.Failed);
        await using var check = _database.CreateContext();
        var run = await check.JobRuns.SingleAsync();
        Assert.False(run.Failed);
        Assert.NotNull(run.FinishedAtUtc);
        Assert.Equal(1, await check.AttendanceAlerts.CountAsync());
    }
}

public sealed class DailyAlertsJobTestsOnSqlite() : DailyAlertsJobTests(DatabaseProvider.Sqlite);

public sealed class DailyAlertsJobTestsOnPostgres() : DailyAlertsJobTests(DatabaseProvider.Postgres);
