using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;
using Waymark.Testing;
using Waymark.Web.Auditing;
using Waymark.Web.Cli;
using Waymark.Web.Imports;

namespace Waymark.Web.Tests.Benchmarking;

/// <summary>`waymark import dfe-attendance` on DfE's real file and broken copies of it, on a database of its own per test, on both providers.</summary>
public abstract class DfeAttendanceImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string DatabaseArgument => _database.Provider == DatabaseProvider.Sqlite
        ? "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.Location.ConnectionString).DataSource
        : _database.Location.ConnectionString;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private async Task<DfeAttendanceImportResult> ImportAsync(byte[] file)
    {
        await using var db = _database.CreateContext();
        var importer = new DfeAttendanceImporter(db, new Auditor(db, new HttpContextAccessor(), TimeProvider.System), TimeProvider.System);
        return await importer.ImportAsync(new MemoryStream(file), "test.csv");
    }

    private async Task<string> EverythingAsync()
    {
        await using var db = _database.CreateContext();
        var rows = await db.PublishedAttendance.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        return string.Join("\n", rows.Select(r =>
            $"{r.Id}|{r.TimePeriod}|{r.Level}|{r.AreaCode}|{r.AreaName}|{r.LaNumber}|{r.RegionCode}|{r.Phase}|{r.Enrolments}|{r.PossibleSessions}|" +
            $"{r.OverallAbsence}|{r.OverallAbsenceRate}|{r.PersistentAbsenceRate}|{r.ImportedAtUtc:O}"));
    }

    [Fact]
    public async Task The_real_file_is_imported_with_its_own_figures_and_a_second_run_changes_nothing()
    {
        var first = await RunAsync("import", "dfe-attendance", DfeAttendanceFixture.PathOf());
        var stored = await EverythingAsync();
        var second = await RunAsync("import", "dfe-attendance", DfeAttendanceFixture.PathOf());

        Assert.Equal((0, ""), (first.Exit, first.Err));
        Assert.Equal(
            "Read 647 row(s) for 2025/26 (Academic year): 4 national, 36 regional, 607 local authority; 60 figure(s) not published (kept as such).\n" +
            "647 row(s) added, 0 updated, 0 removed, 0 unchanged.\n", first.Out);
        Assert.Equal((0, ""), (second.Exit, second.Err));
        Assert.Contains("Nothing changed: all 647 row(s) were already held with these figures.", second.Out, StringComparison.Ordinal);
        Assert.Equal(stored, await EverythingAsync());

        await using var db = _database.CreateContext();
        Assert.Equal(647, await db.PublishedAttendance.CountAsync());
        Assert.Equal(607, await db.PublishedAttendance.CountAsync(p => p.Level == GeographicLevel.LocalAuthority));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PublishedAttendanceImported));

        // Line 639 of the file, read by hand: National, Total.
        var national = await db.PublishedAttendance.SingleAsync(p => p.Level == GeographicLevel.National && p.Phase == PublishedPhase.Total);
        Assert.Equal(("E92000001", "England", 202526, "Academic year"), (national.AreaCode, national.AreaName, national.TimePeriod, national.TimeIdentifier));
        Assert.Equal(6710690.99468085m, national.Enrolments);
        Assert.Equal((2445419687L, 168324305L), (national.PossibleSessions!.Value, national.OverallAbsence!.Value));
        Assert.Equal(6.88324813506746m, national.OverallAbsenceRate);
        Assert.Equal(18.7817604593414m, national.PersistentAbsenceRate);

        // Line 566: Central Bedfordshire (823), Total, in the East of England.
        var la = await db.PublishedAttendance.SingleAsync(p => p.LaNumber == 823 && p.Phase == PublishedPhase.Total);
        Assert.Equal(("E06000056", "Central Bedfordshire", "E12000006", "East of England"), (la.AreaCode, la.AreaName, la.RegionCode, la.RegionName));
        Assert.Equal((13951601L, 930374L), (la.PossibleSessions!.Value, la.OverallAbsence!.Value));
        Assert.Equal((4.90230476057909m, 1.76627757631544m, 17.4594801956459m), (la.AuthorisedAbsenceRate!.Value, la.UnauthorisedAbsenceRate!.Value, la.PersistentAbsenceRate!.Value));

        // Line 504: Cumberland, an LA made in 2023 (942).
        Assert.Equal("Cumberland", (await db.PublishedAttendance.FirstAsync(p => p.LaNumber == 942)).AreaName);

        // City of London's Total row is all "c": not published, not zero.
        var city = await db.PublishedAttendance.SingleAsync(p => p.LaNumber == 201 && p.Phase == PublishedPhase.Total);
        Assert.Equal((null, null, null, null), (city.Enrolments, city.PossibleSessions, city.OverallAbsenceRate, city.PersistentAbsenceRate));
        Assert.Equal(1m, city.Schools);
    }

    [Fact]
    public async Task A_changed_figure_updates_only_its_row()
    {
        await ImportAsync(DfeAttendanceFixture.Bytes());

        // Line 566's persistent absence, as if DfE revised it.
        var result = await ImportAsync(DfeAttendanceFixture.WithCell(566, "pa_perc", "17.5"));

        Assert.True(result.Succeeded);
        Assert.Equal((0, 1, 646, 0), (result.Added, result.Updated, result.Unchanged, result.Removed));
        await using var db = _database.CreateContext();
        Assert.Equal(17.5m, (await db.PublishedAttendance.SingleAsync(p => p.LaNumber == 823 && p.Phase == PublishedPhase.Total)).PersistentAbsenceRate);
    }

    [Fact]
    public async Task A_missing_column_is_named_and_nothing_is_saved()
    {
        var result = await RunAsync("import", "dfe-attendance", await WriteAsync(DfeAttendanceFixture.WithoutColumn("pa_perc")));

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 1: the header row must name the columns", result.Err, StringComparison.Ordinal);
        Assert.Contains("missing: pa_perc", result.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 1 problem(s)", result.Err, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task A_bad_number_is_named_by_line_and_column_and_nothing_is_saved()
    {
        var result = await RunAsync("import", "dfe-attendance", await WriteAsync(DfeAttendanceFixture.WithCell(10, "overall_absence_perc", "5,9")));

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 10, column overall_absence_perc: '5,9' is not a number (nor c, x, z or another DfE symbol for a figure not published)",
            result.Err, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task An_unknown_geographic_level_is_named_and_nothing_is_saved()
    {
        var result = await ImportAsync(DfeAttendanceFixture.WithCell(2, "geographic_level", "School"));

        Assert.False(result.Succeeded);
        Assert.Equal("line 2, column geographic_level: 'School' is not a geographic level Waymark reads; expected National, Regional or Local authority",
            Assert.Single(result.Problems).ToString());
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task A_row_whose_sessions_do_not_add_up_is_named_and_nothing_is_saved()
    {
        // Line 566 (Central Bedfordshire, Total) has 13951601 possible sessions; one more breaks possible = attendance + absence.
        var result = await ImportAsync(DfeAttendanceFixture.WithCell(566, "possible_sessions", "13951602"));

        // The rates over possible sessions no longer agree either, and are named too.
        Assert.False(result.Succeeded);
        var problem = result.Problems[0];
        Assert.Equal((566, "possible_sessions"), (problem.Line, problem.Column));
        Assert.StartsWith("13951602 is not overall_attendance + overall_absence (13021227 + 930374 = 13951601)", problem.Reason, StringComparison.Ordinal);
        Assert.All(result.Problems, p => Assert.Equal(566, p.Line));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task A_rate_that_disagrees_with_its_counts_and_a_repeated_row_are_refused()
    {
        var rate = await ImportAsync(DfeAttendanceFixture.WithCell(566, "overall_absence_perc", "6.7"));
        var lines = DfeAttendanceFixture.Lines();
        var repeated = await ImportAsync(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Append(lines[565])) + "\n"));

        Assert.Equal("line 566, column overall_absence_perc: 6.7 is not overall_absence as a percentage of possible_sessions (6.668582)",
            Assert.Single(rate.Problems).ToString());
        Assert.Equal("line 649: Central Bedfordshire (Local authority, Total, 202526) is already on line 566", Assert.Single(repeated.Problems).ToString());
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Help_describes_the_command()
    {
        var result = await RunAsync("import", "dfe-attendance", "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("not published, never as zero", result.Out, StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"waymark-dfe-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, bytes);
        return file;
    }

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.PublishedAttendance.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PublishedAttendanceImported));
    }
}

public sealed class DfeAttendanceImportTestsOnSqlite() : DfeAttendanceImportTests(DatabaseProvider.Sqlite);

public sealed class DfeAttendanceImportTestsOnPostgres() : DfeAttendanceImportTests(DatabaseProvider.Postgres);
