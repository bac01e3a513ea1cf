using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Attendance;

/// <summary>`waymark import attendance` and `waymark bench attendance`, run in-process against a database of their own.</summary>
public abstract class AttendanceImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Ava = "A900000000001";
    private const string Ben = "A900000000002";
    private const string Cal = "A900000000003";

    private TestDatabase _database = null!;
    private School _brookside = null!;
    private School _kingsway = null!;
    private readonly Dictionary<string, Guid> _children = [];

    private string DatabaseArgument => _database.CommandLineArgument;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        _brookside = new School { Urn = 900101, LaCode = 823, EstablishmentNumber = 2101, Name = "Brookside Primary School", Phase = SchoolPhase.Primary, Type = "Community school" };
        _kingsway = new School { Urn = 900102, LaCode = 823, EstablishmentNumber = 2102, Name = "Kingsway Primary School", Phase = SchoolPhase.Primary, Type = "Community school" };
        db.Schools.AddRange(_brookside, _kingsway);
        await db.SaveChangesAsync();

        // Ava and Ben are at Brookside all year; Cal moves from Brookside to Kingsway on 1 October 2025.
        AddChild(db, Ava, (_brookside, new DateOnly(2024, 9, 1), null));
        AddChild(db, Ben, (_brookside, new DateOnly(2024, 9, 1), null));
        AddChild(db, Cal, (_brookside, new DateOnly(2024, 9, 1), new DateOnly(2025, 9, 30)), (_kingsway, new DateOnly(2025, 10, 1), null));
        await db.SaveChangesAsync();
    }

    private void AddChild(WaymarkDbContext db, string upn, params (School School, DateOnly Start, DateOnly? End)[] rolls)
    {
        var child = new Child
        {
            Id = Guid.NewGuid(), Upn = upn, LegalForename = "Pupil", LegalSurname = upn, DateOfBirth = new DateOnly(2017, 3, 1), Sex = Sex.Female,
        };
        foreach (var (school, start, end) in rolls)
        {
            child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = start, EndDate = end, Type = EnrolmentType.Single });
        }

        db.Children.Add(child);
        _children[upn] = child.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private static string WriteCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"waymark-attendance-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<AttendanceCode?> MarkAsync(string upn, School school, DateOnly date, Session session)
    {
        await using var db = _database.CreateContext();
        var year = await db.AttendanceYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.ChildId == _children[upn] && y.SchoolId == school.Id && y.AcademicYear == 2025);
        return year?.ToYearMarks()[date, session];
    }

    private const string Week =
        "upn,date,session,code\n" +
        Ava + ",2025-09-08,AM,/\n" +
        Ava + ",2025-09-08,PM,\\\n" +
        Ava + ",2025-09-09,AM,N\n" +
        Ava + ",2025-09-09,PM,N\n" +
        Ben + ",2025-09-08,AM,L\n" +
        Ben + ",2025-09-08,PM,I\n";

    [Fact]
    public async Task Import_stores_the_marks_and_a_second_import_changes_nothing()
    {
        var file = WriteCsv(Week);

        var first = await RunAsync("import", "attendance", file);
        var second = await RunAsync("import", "attendance", file);

        Assert.Equal(0, first.Exit);
        Assert.Contains("Read 6 row(s): 6 mark(s) new, 0 changed, 0 unchanged.", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("Read 6 row(s): 0 mark(s) new, 0 changed, 6 unchanged.", second.Out, StringComparison.Ordinal);
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 8), Session.AM));
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 8), Session.PM));
        Assert.Equal(AttendanceCodes.NotYetEstablished, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 9), Session.PM));
        Assert.Equal(AttendanceCodes.Illness, await MarkAsync(Ben, _brookside, new DateOnly(2025, 9, 8), Session.PM));
        Assert.Null(await MarkAsync(Ben, _brookside, new DateOnly(2025, 9, 9), Session.AM));
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.AttendanceYears.CountAsync());
        Assert.Empty(db.AttendanceMarkChanges);
        var audits = await db.AuditEvents.Where(e => e.Action == AuditActions.AttendanceImported).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, a => a.Detail!.Contains("6 mark(s) new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correction_replaces_the_mark_and_is_kept_in_history()
    {
        await RunAsync("import", "attendance", WriteCsv(Week));
        var correction = WriteCsv("upn,date,session,code\n" + Ava + ",2025-09-09,AM,I\n" + Ava + ",2025-09-09,PM,N\n" + Ava + ",2025-09-10,AM,/\n");
        var before = DateTime.UtcNow.AddSeconds(-5);

        var result = await RunAsync("import", "attendance", correction);

        Assert.Equal(0, result.Exit);
        Assert.Contains("Read 3 row(s): 1 mark(s) new, 1 changed, 1 unchanged.", result.Out, StringComparison.Ordinal);
        Assert.Equal(AttendanceCodes.Illness, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 9), Session.AM));
        Assert.Equal(AttendanceCodes.NotYetEstablished, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 9), Session.PM));
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 8), Session.AM));
        await using var db = _database.CreateContext();
        var change = await db.AttendanceMarkChanges.SingleAsync();
        Assert.Equal(_children[Ava], change.ChildId);
        Assert.Equal(_brookside.Id, change.SchoolId);
        Assert.Equal(new DateOnly(2025, 9, 9), change.Date);
        Assert.Equal(Session.AM, change.Session);
        Assert.Equal("N", change.OldCode);
        Assert.Equal("I", change.NewCode);
        Assert.Equal($"import attendance {Path.GetFileName(correction)} (run by {Environment.UserName} on {Environment.MachineName})", change.Source);
        Assert.Null(change.ChangedByUserId);
        Assert.InRange(change.ChangedAtUtc, before, DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_correction_loaded_for_a_named_account_keeps_that_account_and_an_unknown_account_is_refused()
    {
        await RunAsync("import", "attendance", WriteCsv(Week));
        var lead = new WaymarkUser
        {
            Id = Guid.NewGuid().ToString(), UserName = "lead@brookside.example", Email = "lead@brookside.example",
            NormalizedEmail = "LEAD@BROOKSIDE.EXAMPLE", DisplayName = "Lee Lead",
        };
        var gone = new WaymarkUser
        {
            Id = Guid.NewGuid().ToString(), UserName = "gone@brookside.example", Email = "gone@brookside.example",
            NormalizedEmail = "GONE@BROOKSIDE.EXAMPLE", DisplayName = "Gone", IsActive = false,
        };
        await using (var db = _database.CreateContext())
        {
            db.Users.AddRange(lead, gone);
            await db.SaveChangesAsync();
        }

        var correction = WriteCsv("upn,date,session,code\n" + Ava + ",2025-09-09,AM,M\n");

        var unknown = await RunAsync("import", "attendance", correction, "--user", "nobody@brookside.example");
        var inactive = await RunAsync("import", "attendance", correction, "--user", "gone@brookside.example");
        await using (var db = _database.CreateContext())
        {
            Assert.Empty(db.AttendanceMarkChanges);
        }

        var named = await RunAsync("import", "attendance", correction, "--user", " Lead@Brookside.example ");

        Assert.Equal(2, unknown.Exit);
        Assert.Contains("--user: no active Waymark account has the email 'nobody@brookside.example'", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(2, inactive.Exit);
        Assert.Equal(0, named.Exit);
        await using var check = _database.CreateContext();
        var change = await check.AttendanceMarkChanges.SingleAsync();
        Assert.Equal((lead.Id, "N", "M"), (change.ChangedByUserId, change.OldCode, change.NewCode));
        Assert.Equal("import attendance " + Path.GetFileName(correction), change.Source);
        var audit = await check.AuditEvents.OrderBy(e => e.Id).LastAsync(e => e.Action == AuditActions.AttendanceImported);
        Assert.Equal(lead.Id, audit.UserId);
    }

    [Fact]
    public async Task An_import_brings_the_worklist_up_to_date_for_the_pupils_whose_marks_changed()
    {
        // Four weeks from Monday 7 September 2026 absent without explanation; imported on Friday 2 October 2026.
        var clock = new ShiftedClock();
        clock.Offset = new DateTimeOffset(2026, 10, 2, 17, 0, 0, TimeSpan.FromHours(1)) - DateTimeOffset.UtcNow;
        var csv = new System.Text.StringBuilder("upn,date,session,code\n");
        for (var day = new DateOnly(2026, 9, 7); day <= new DateOnly(2026, 10, 2); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Ava},{day:yyyy-MM-dd},AM,O\n{Ava},{day:yyyy-MM-dd},PM,O\n");
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Ben},{day:yyyy-MM-dd},AM,/\n{Ben},{day:yyyy-MM-dd},PM,/\n");
            }
        }

        async Task<Imports.AttendanceImportResult> ImportAsync()
        {
            await using var db = _database.CreateContext();
            var importer = new Imports.AttendanceImporter(db, new Data.Attendance.AttendanceRegister(db, clock),
                new Data.Attendance.AttendanceAlertEngine(db, [new Data.Attendance.SuspensionAlertSource(), new Data.Attendance.ReducedTimetableAlertSource()]),
                new Waymark.Web.Auditing.Auditor(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), clock), clock);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString()));
            return await importer.ImportAsync(stream, "september.csv");
        }

        var first = await ImportAsync();
        var again = await ImportAsync();

        Assert.True(first.Succeeded);
        Assert.NotNull(first.Worklist);
        Assert.Equal(2, first.Worklist.Pupils);
        Assert.Null(again.Worklist);
        await using var check = _database.CreateContext();
        var alerts = await check.AttendanceAlerts.Where(a => a.ClearedOn == null).ToListAsync();
        Assert.All(alerts, a => Assert.Equal(_children[Ava], a.ChildId));
        Assert.Contains(alerts, a => a.Kind == AlertKind.PossiblyMissingEducation && a.RaisedOn == new DateOnly(2026, 10, 2));
        Assert.Contains(alerts, a => a.Kind == AlertKind.ChronicAbsence);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(0)]
    public async Task A_correction_made_through_the_register_keeps_who_made_it(int lookupByChildLimit)
    {
        await RunAsync("import", "attendance", WriteCsv(Week));
        await using var db = _database.CreateContext();
        var user = new WaymarkUser { Id = Guid.NewGuid().ToString(), UserName = "al@brookside.example", Email = "al@brookside.example", DisplayName = "Al Lead" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var batch = new Data.Attendance.MarkBatch();
        batch.Add(_children[Ava], _brookside.Id, new DateOnly(2025, 9, 9), Session.PM, AttendanceCodes.Get("M"));
        batch.Add(_children[Ben], _brookside.Id, new DateOnly(2025, 9, 8), Session.PM, AttendanceCodes.Illness);
        batch.Add(_children[Ben], _brookside.Id, new DateOnly(2025, 9, 9), Session.AM, AttendanceCodes.Present);

        // 0: the stored rows are read by scanning the year, as for a whole LA's day; 2000: looked up by child.
        var register = new Data.Attendance.AttendanceRegister(db, TimeProvider.System) { LookupByChildLimit = lookupByChildLimit };
        var result = await register.ApplyAsync(batch, "register correction", user.Id);

        Assert.Equal((1L, 1L, 1L), (result.New, result.Changed, result.Unchanged));
        var change = await db.AttendanceMarkChanges.AsNoTracking().SingleAsync();
        Assert.Equal((user.Id, "register correction", "N", "M"), (change.ChangedByUserId, change.Source, change.OldCode, change.NewCode));
        Assert.Equal(AttendanceCodes.Get("M"), await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 9), Session.PM));
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ben, _brookside, new DateOnly(2025, 9, 9), Session.AM));
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 8), Session.AM));
    }

    [Fact]
    public async Task Columns_in_any_order_and_case_with_urn_and_both_date_forms()
    {
        var file = WriteCsv(
            "CODE,Session,URN,Date,UPN\n" +
            "\\,pm,900101,08/09/2025," + Ava + "\n" +
            "/,AM,,2025-09-08," + Ava + "\n" +
            "/,AM,900102,2025-10-06," + Cal + "\n" +
            "m,PM,,2025-09-29," + Cal + "\n");

        var result = await RunAsync("import", "attendance", file);

        Assert.Equal(0, result.Exit);
        Assert.Contains("Read 4 row(s): 4 mark(s) new", result.Out, StringComparison.Ordinal);
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 8), Session.PM));
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 8), Session.AM));
        Assert.Equal(AttendanceCodes.Present, await MarkAsync(Cal, _kingsway, new DateOnly(2025, 10, 6), Session.AM));

        // Without a urn the mark belongs to the school the pupil was on the roll of that day.
        Assert.Equal(AttendanceCodes.Get("M"), await MarkAsync(Cal, _brookside, new DateOnly(2025, 9, 29), Session.PM));
        Assert.Null(await MarkAsync(Cal, _kingsway, new DateOnly(2025, 9, 29), Session.PM));
    }

    [Fact]
    public async Task Withdrawn_codes_are_taken_for_dates_before_19_August_2024_and_counted_in_their_category()
    {
        const string dee = "A900000000004";
        await using (var db = _database.CreateContext())
        {
            AddChild(db, dee, (_brookside, new DateOnly(2023, 9, 1), null));
            await db.SaveChangesAsync();
        }

        // H (authorised holiday) and J (interview, an approved activity) were in use until 19 August 2024.
        var file = WriteCsv("upn,date,session,code\n" + dee + ",2023-10-02,AM,H\n" + dee + ",2023-10-02,PM,J\n" + dee + ",2023-10-03,AM,/\n");

        var result = await RunAsync("import", "attendance", file);
        var stats = await RunAsync("attendance", "stats", "--from", "2023-09-01", "--to", "2024-08-31");

        Assert.Equal(0, result.Exit);
        Assert.Contains("Read 3 row(s): 3 mark(s) new", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{dee},3,1,1,1,0,0,66.67,33.33,true,false", stats.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_spanning_school_years_is_saved_year_by_year_in_one_transaction()
    {
        // Rows of 2024/25 and 2025/26 interleaved; the second year is gathered on a second reading of the file.
        var mixed = "upn,date,session,code\n" +
            Ava + ",2025-09-08,AM,/\n" +
            Ava + ",2025-06-02,AM,I\n" +
            Ben + ",2025-09-08,PM,L\n" +
            Ben + ",2025-06-02,PM,/\n";
        var conflictInSecondYear = mixed + Ben + ",2025-06-02,PM,O\n";

        var refused = await RunAsync("import", "attendance", WriteCsv(conflictInSecondYear));
        await using (var db = _database.CreateContext())
        {
            Assert.Empty(db.AttendanceYears);
        }

        var saved = await RunAsync("import", "attendance", WriteCsv(mixed));
        var again = await RunAsync("import", "attendance", WriteCsv(mixed));

        Assert.Equal(1, refused.Exit);
        Assert.Contains($"line 6, column code: {Ben} 2025-06-02 PM is '/' on an earlier line and 'O' here", refused.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 1 problem(s) in 5 row(s).", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, saved.Exit);
        Assert.Contains("Read 4 row(s): 4 mark(s) new, 0 changed, 0 unchanged.", saved.Out, StringComparison.Ordinal);
        Assert.Contains("Read 4 row(s): 0 mark(s) new, 0 changed, 4 unchanged.", again.Out, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Equal([(2024, 2), (2025, 2)],
            (await check.AttendanceYears.Select(y => y.AcademicYear).ToListAsync()).GroupBy(y => y).Select(g => (g.Key, g.Count())).Order());
        var audit = await check.AuditEvents.Where(e => e.Action == AuditActions.AttendanceImported).OrderBy(e => e.Id).FirstAsync();
        Assert.Contains("4 row(s), 4 mark(s) new", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_session_twice_with_the_same_code_is_one_mark()
    {
        var result = await RunAsync("import", "attendance", WriteCsv("upn,date,session,code\n" + Ava + ",2025-09-08,AM,/\n" + Ava + ",2025-09-08,AM,\\\n"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("Read 2 row(s): 1 mark(s) new, 0 changed, 0 unchanged.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_named_by_line_and_column_and_nothing_is_saved()
    {
        var file = WriteCsv(
            "upn,date,session,code,urn\n" +
            Ava + ",2025-09-08,AM,/,\n" +                 // 2: good
            "A999999999999,2025-09-08,AM,/,\n" +          // 3: unknown UPN
            Ava + ",2025-13-01,AM,/,\n" +                 // 4: bad date
            Ava + ",2025-09-09,AM,Q9,\n" +                // 5: unknown code
            Ava + ",2025-09-09,PM,H,\n" +                 // 6: withdrawn code
            Ava + ",2025-09-10,EVE,/,\n" +                // 7: bad session
            Ava + ",2025-09-10,AM,/,123456\n" +           // 8: unknown URN
            Cal + ",2025-10-06,AM,/,900101\n" +           // 9: not on that school's roll that day
            Ben + ",2024-08-01,AM,/,\n" +                 // 10: on no roll that day
            Ava + ",2025-09-08,AM,N,\n" +                 // 11: same session as line 2, another code
            Ben + ",2099-01-05,AM,/,\n");                 // 12: future

        var result = await RunAsync("import", "attendance", file);

        Assert.Equal(1, result.Exit);
        var name = Path.GetFileName(file);
        Assert.Contains($"{name}: line 3, column upn: no pupil has the UPN 'A999999999999'", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 4, column date: '2025-13-01' is not a date", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 5, column code: 'Q9' is not an attendance code", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 6, column code: 'H' was withdrawn on 19 August 2024", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 7, column session: 'EVE' is not a session", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 8, column urn: no school has the URN '123456'", result.Err, StringComparison.Ordinal);
        Assert.Contains($"line 9, column urn: pupil {Cal} is not on the roll of URN 900101 on 2025-10-06", result.Err, StringComparison.Ordinal);
        Assert.Contains($"line 10, column upn: pupil {Ben} is not on any school's roll on 2024-08-01", result.Err, StringComparison.Ordinal);
        Assert.Contains($"line 11, column code: {Ava} 2025-09-08 AM is '/' on an earlier line and 'N' here", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 12, column date: 2099-01-05 is in the future", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2,", result.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 10 problem(s) in 11 row(s).", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        await using var db = _database.CreateContext();
        Assert.Empty(db.AttendanceYears);
        Assert.Empty(db.AttendanceMarkChanges);
        Assert.Empty(db.AuditEvents.Where(e => e.Action == AuditActions.AttendanceImported));
    }

    [Fact]
    public async Task A_bad_row_in_a_correction_leaves_the_earlier_marks_as_they_were()
    {
        await RunAsync("import", "attendance", WriteCsv(Week));

        var result = await RunAsync("import", "attendance", WriteCsv("upn,date,session,code\n" + Ava + ",2025-09-09,AM,I\n" + Ava + ",2025-09-09,PM,XX\n"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 3, column code: 'XX' is not an attendance code", result.Err, StringComparison.Ordinal);
        Assert.Equal(AttendanceCodes.NotYetEstablished, await MarkAsync(Ava, _brookside, new DateOnly(2025, 9, 9), Session.AM));
        await using var db = _database.CreateContext();
        Assert.Empty(db.AttendanceMarkChanges);
    }

    [Fact]
    public async Task Many_bad_rows_are_listed_up_to_a_limit_and_counted()
    {
        var rows = string.Concat(Enumerable.Range(0, 150).Select(i => $"A99999999{i:D4},2025-09-08,AM,/\n"));

        var result = await RunAsync("import", "attendance", WriteCsv("upn,date,session,code\n" + rows));

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 101, column upn", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("line 102,", result.Err, StringComparison.Ordinal);
        Assert.Contains("... and 50 more problem(s)", result.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 150 problem(s) in 150 row(s).", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upn,date,code\n", "missing: session")]
    [InlineData("", "the file is empty")]
    [InlineData("upn,date,session,code,Code\n", "line 1, column code: this column is named twice")]
    [InlineData("upn,date,session,code,code\n", "line 1: a column is named twice")]
    [InlineData("upn,date,session,code\n", "the file has a header but no marks")]
    public async Task A_file_without_a_usable_header_or_rows_is_refused(string content, string message)
    {
        var result = await RunAsync("import", "attendance", WriteCsv(content));

        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_runs_a_small_year_end_to_end()
    {
        var result = await RunAsync("bench", "attendance", "--pupils", "50");

        Assert.True(result.Exit == 0, result.Err);
        foreach (var step in new[] { "Generate CSV", "Import pupils", "Import marks", "Statistics", "Apply one school day", "Peak working set" })
        {
            Assert.Contains(step, result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("50 pupils", result.Out, StringComparison.Ordinal);

        // The bench works in a fresh database of its own and leaves the one it was given alone.
        await using var db = _database.CreateContext();
        Assert.Empty(db.AttendanceYears);
    }
}

public sealed class AttendanceImportTestsOnSqlite() : AttendanceImportTests(DatabaseProvider.Sqlite);

public sealed class AttendanceImportTestsOnPostgres() : AttendanceImportTests(DatabaseProvider.Postgres);
