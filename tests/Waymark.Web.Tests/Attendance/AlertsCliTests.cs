using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Attendance;

/// <summary>`waymark attendance alerts` over a database of its own, on both providers.</summary>
public abstract class AlertsCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string DatabaseArgument => _database.CommandLineArgument;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Alerts_are_recomputed_as_of_a_date_counted_by_kind_and_a_second_run_raises_nothing()
    {
        // Absent without permission every weekday from Monday 7 September 2026 to Friday 2 October 2026.
        var year = new AcademicYear(2026);
        var marks = new YearMarks(year);
        for (var day = new DateOnly(2026, 9, 7); day <= new DateOnly(2026, 10, 2); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                marks.Set(day, Session.AM, AttendanceCodes.Get("O"));
                marks.Set(day, Session.PM, AttendanceCodes.Get("O"));
            }
        }

        Guid sixthFormerId;
        await using (var db = _database.CreateContext())
        {
            var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 4999, Name = "Cli Academy", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
            var child = TestWorld.NewChild("Cli", "Pupil", new DateOnly(2013, 1, 1), Sex.Male, 4999, 1);
            child.Enrolments.Add(new Enrolment { School = school, StartDate = new DateOnly(2024, 9, 1), Type = EnrolmentType.Single });

            // In the sixth form (16 on 31 August 2026), with the same marks: beyond compulsory school age.
            var sixthFormer = TestWorld.NewChild("Sixth", "Former", new DateOnly(2010, 5, 1), Sex.Female, 4999, 2);
            sixthFormer.Enrolments.Add(new Enrolment { School = school, StartDate = new DateOnly(2021, 9, 1), Type = EnrolmentType.Single });
            db.Children.AddRange(child, sixthFormer);
            await db.SaveChangesAsync();
            db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = school.Id, AcademicYear = 2026, Marks = marks.Bytes });
            db.AttendanceYears.Add(new AttendanceYear { ChildId = sixthFormer.Id, SchoolId = school.Id, AcademicYear = 2026, Marks = marks.Bytes });
            await db.SaveChangesAsync();
            sixthFormerId = sixthFormer.Id;
        }

        var first = await RunAsync("attendance", "alerts", "--date", "2026-10-02");
        var second = await RunAsync("attendance", "alerts", "--date", "02/10/2026");
        var bad = await RunAsync("attendance", "alerts", "--date", "2 October");

        Assert.Equal(0, first.Exit);
        Assert.Contains("Alerts as of 2 October 2026: 2 pupil record(s) checked, 5 raised, 0 cleared, 0 reopened", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"Chronic absence\s+1\n", first.Out);
        Assert.Matches(@"Possibly missing education\s+1\n", first.Out);
        Assert.Matches(@"Severe absence\s+2\n", first.Out);
        Assert.Matches(@"Persistent absence\s+0\n", first.Out);
        Assert.Matches(@"Total\s+5\n", first.Out);
        Assert.Contains("2 pupil record(s) checked, 0 raised, 0 cleared, 0 reopened", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--date: '2 October' is not a date (", bad.Err, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Equal(
            [AlertKind.ChronicAbsence, AlertKind.SevereAbsence, AlertKind.PossiblyMissingEducation, AlertKind.UnauthorisedAbsenceThreshold],
            (await check.AttendanceAlerts.Where(a => a.ChildId != sixthFormerId).Select(a => a.Kind).ToListAsync()).Order());
        Assert.Equal([AlertKind.SevereAbsence], await check.AttendanceAlerts.Where(a => a.ChildId == sixthFormerId).Select(a => a.Kind).ToListAsync());
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.AttendanceAlertsRecomputed));
    }

    [Theory]
    [InlineData(900)]
    [InlineData(0)]
    public async Task Only_pupils_of_compulsory_school_age_get_the_LAs_alerts_whichever_way_ages_are_read(int ageLookupLimit)
    {
        var marks = new YearMarks(new AcademicYear(2026));
        for (var day = new DateOnly(2026, 9, 7); day <= new DateOnly(2026, 10, 2); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                marks.Set(day, Session.AM, AttendanceCodes.Get("O"));
                marks.Set(day, Session.PM, AttendanceCodes.Get("O"));
            }
        }

        await using var db = _database.CreateContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 4998, Name = "Age Academy", Phase = SchoolPhase.AllThrough, Type = "Academy converter" };
        var born = new[] { ("Reception", new DateOnly(2021, 10, 1)), ("Year 1", new DateOnly(2021, 8, 31)), ("Year 11", new DateOnly(2010, 9, 1)), ("Year 12", new DateOnly(2010, 8, 31)) };
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, dob) in born)
        {
            var child = TestWorld.NewChild(name.Replace(" ", "", StringComparison.Ordinal), "Pupil", dob, Sex.Female, 4998, ids.Count + 1);
            child.Enrolments.Add(new Enrolment { School = school, StartDate = new DateOnly(2021, 9, 1), Type = EnrolmentType.Single });
            db.Children.Add(child);
            await db.SaveChangesAsync();
            db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = school.Id, AcademicYear = 2026, Marks = marks.Bytes });
            ids[name] = child.Id;
        }

        await db.SaveChangesAsync();

        await new Data.Attendance.AttendanceAlertEngine(db) { AgeLookupLimit = ageLookupLimit }.RecomputeAsync(new DateOnly(2026, 10, 2));

        var kinds = (await db.AttendanceAlerts.AsNoTracking().ToListAsync()).ToLookup(a => a.ChildId, a => a.Kind);
        Assert.Equal([AlertKind.SevereAbsence], kinds[ids["Reception"]]);
        Assert.Contains(AlertKind.PossiblyMissingEducation, kinds[ids["Year 1"]]);
        Assert.Contains(AlertKind.ChronicAbsence, kinds[ids["Year 11"]]);
        Assert.Equal([AlertKind.SevereAbsence], kinds[ids["Year 12"]]);
    }
}

public sealed class AlertsCliTestsOnSqlite() : AlertsCliTests(DatabaseProvider.Sqlite);

public sealed class AlertsCliTestsOnPostgres() : AlertsCliTests(DatabaseProvider.Postgres);
