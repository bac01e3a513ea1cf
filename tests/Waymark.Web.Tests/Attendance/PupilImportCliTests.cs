using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Attendance;

/// <summary>`waymark import pupils`, run in-process as the console would, on both databases.</summary>
public abstract class PupilImportCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var schools = WriteCsv(
            "urn,la_code,establishment_number,name,phase,type\n" +
            "900101,823,2101,Brookside Primary School,Primary,Community school\n" +
            "900102,823,4101,Kingsway Academy,Secondary,Academy converter\n" +
            "900103,823,2102,Millfield Primary School,Primary,Community school\n");
        Assert.Equal(0, (await RunAsync("import", "schools", schools)).Exit);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string DatabaseArgument => _database.CommandLineArgument;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private static string WriteCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static readonly string Upn1 = Upn.Create(823, 2101, 19, 1);
    private static readonly string Upn2 = Upn.Create(823, 2101, 19, 2);
    private static readonly string Upn3 = Upn.Create(823, 4101, 14, 3);

    private const string Header = "upn,forename,surname,dob,sex,urn,entry_date\n";

    private static string Good => Header +
        $"{Upn1},Amelia,Clarke,2015-03-14,F,900101,2019-09-04\n" +
        $"{Upn2.ToLowerInvariant()},Noah,Patel,21/07/2015,m,900101,04/09/2019\n" +
        $"{Upn3},Oliver,\"Hughes-Smith\",2012-09-02,U,900102,2023-09-06\n";

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Import_adds_pupils_with_their_enrolments_and_a_second_import_changes_nothing()
    {
        var file = WriteCsv(Good);

        var first = await RunAsync("import", "pupils", file);
        var second = await RunAsync("import", "pupils", file);

        Assert.Equal("", first.Err);
        Assert.Equal(0, first.Exit);
        Assert.Contains("Read 3 row(s): 3 pupil(s) added, 0 updated, 0 unchanged.", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("Read 3 row(s): 0 pupil(s) added, 0 updated, 3 unchanged.", second.Out, StringComparison.Ordinal);

        await using var db = _database.CreateContext();
        var children = await db.Children.Include(c => c.Enrolments).ThenInclude(e => e.School).OrderBy(c => c.LegalSurname).ToListAsync();
        Assert.Equal(["Clarke", "Hughes-Smith", "Patel"], children.Select(c => c.LegalSurname));
        var noah = children[2];
        Assert.Equal(Upn2, noah.Upn);
        Assert.Equal(D("2015-07-21"), noah.DateOfBirth);
        Assert.Equal(Sex.Male, noah.Sex);
        Assert.Equal("NOAH PATEL", noah.SearchName);
        var enrolment = Assert.Single(noah.Enrolments);
        Assert.Equal((900101, D("2019-09-04"), (DateOnly?)null, EnrolmentType.Single),
            (enrolment.School!.Urn, enrolment.StartDate, enrolment.EndDate, enrolment.Type));
        Assert.Equal(Sex.Unknown, children[1].Sex);

        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PupilImported && e.ChildId != null));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PupilsImported));
        Assert.Contains(db.AuditEvents, e => e.ChildId == noah.Id && e.Detail!.Contains("line 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_row_updates_the_pupil_and_a_move_ends_the_old_enrolment_the_day_before()
    {
        await RunAsync("import", "pupils", WriteCsv(Good));
        var changed = WriteCsv(Header +
            $"{Upn1},Amelia,Clarke-Jones,2015-03-14,F,900103,2026-01-05\n" + // married name and a move
            $"{Upn2},Noah,Patel,2015-07-21,,900101,2019-09-05\n" +           // entry date corrected; sex not given
            $"{Upn3},Oliver,Hughes-Smith,2012-09-02,U,900102,2023-09-06\n");

        var result = await RunAsync("import", "pupils", changed);
        var again = await RunAsync("import", "pupils", changed);

        Assert.Equal(0, result.Exit);
        Assert.Contains("0 pupil(s) added, 2 updated, 1 unchanged", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 pupil(s) added, 0 updated, 3 unchanged", again.Out, StringComparison.Ordinal);

        await using var db = _database.CreateContext();
        var amelia = await db.Children.Include(c => c.Enrolments).ThenInclude(e => e.School).SingleAsync(c => c.Upn == Upn1);
        Assert.Equal("Clarke-Jones", amelia.LegalSurname);
        Assert.Equal(
            [(900101, D("2019-09-04"), (DateOnly?)D("2026-01-04")), (900103, D("2026-01-05"), null)],
            amelia.Enrolments.OrderBy(e => e.StartDate).Select(e => (e.School!.Urn, e.StartDate, e.EndDate)));
        var noah = await db.Children.Include(c => c.Enrolments).SingleAsync(c => c.Upn == Upn2);
        Assert.Equal(D("2019-09-05"), Assert.Single(noah.Enrolments).StartDate);
        Assert.Equal(Sex.Male, noah.Sex);
        var audit = await db.AuditEvents.Where(e => e.ChildId == amelia.Id && e.Action == AuditActions.PupilImported)
            .OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains("name", audit[1], StringComparison.Ordinal);
        Assert.Contains("left URN 900101 on 2026-01-04", audit[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dual_subsidiary_registration_survives_a_move()
    {
        await RunAsync("import", "pupils", WriteCsv(Good));
        await using (var db = _database.CreateContext())
        {
            var child = await db.Children.SingleAsync(c => c.Upn == Upn1);
            var ap = await db.Schools.SingleAsync(s => s.Urn == 900102);
            db.Enrolments.Add(new Enrolment { ChildId = child.Id, SchoolId = ap.Id, StartDate = D("2025-11-03"), Type = EnrolmentType.DualSubsidiary });
            await db.SaveChangesAsync();
        }

        var result = await RunAsync("import", "pupils", WriteCsv(Header + $"{Upn1},Amelia,Clarke,2015-03-14,F,900103,2026-01-05\n"));

        Assert.Equal(0, result.Exit);
        await using var check = _database.CreateContext();
        var open = await check.Enrolments.Where(e => e.Child!.Upn == Upn1 && e.EndDate == null).Select(e => e.School!.Urn).OrderBy(u => u).ToListAsync();
        Assert.Equal([900102, 900103], open);
    }

    [Fact]
    public async Task A_file_older_than_the_pupils_current_enrolment_is_refused()
    {
        await RunAsync("import", "pupils", WriteCsv(Header + $"{Upn1},Amelia,Clarke,2015-03-14,F,900103,2026-01-05\n"));

        var stale = await RunAsync("import", "pupils", WriteCsv(Header + $"{Upn1},Amelia,Clarke,2015-03-14,F,900101,2026-01-05\n"));

        Assert.Equal(1, stale.Exit);
        Assert.Contains($"line 2, column entry_date: UPN {Upn1} has been on roll at URN 900103 since 2026-01-05", stale.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Single(db.Enrolments);
    }

    [Fact]
    public async Task Every_bad_row_names_its_line_column_and_reason_and_nothing_is_saved()
    {
        var wrongCheck = (Upn1[0] == 'A' ? "B" : "A") + Upn1[1..];
        var file = WriteCsv(Header +
            $"{Upn1},Amelia,Clarke,2015-03-14,F,900101,2019-09-04\n" +
            $"{wrongCheck},Noah,Patel,2015-07-21,M,900101,2019-09-04\n" +
            $"A82321011900,Short,Upn,2015-07-21,M,900101,2019-09-04\n" +
            $"{Upn2},,Patel,2015-07-21,M,900101,2019-09-04\n" +
            $"{Upn3},Oliver,Hughes,2015-02-30,M,900101,2019-09-04\n" +
            $"{Upn.Create(823, 2101, 19, 4)},Ava,Jones,2015-01-01,X,900101,2019-09-04\n" +
            $"{Upn.Create(823, 2101, 19, 5)},Ava,Smith,2015-01-01,F,999999,2019-09-04\n" +
            $"{Upn.Create(823, 2101, 19, 6)},Ava,Brown,2015-01-01,F,12345,2019-09-04\n" +
            $"{Upn.Create(823, 2101, 19, 7)},Ava,Green,2015-01-01,F,900101,2014-09-04\n" +
            $"{Upn.Create(823, 2101, 19, 8)},Ava,White,2015-01-01,F,900101,4 Sept 2019\n" +
            $"{Upn1},Amelia,Again,2015-03-14,F,900101,2019-09-04\n" +
            $"{Upn.Create(823, 2101, 19, 9)},Ava,Black,2099-01-01,F,900101,2099-09-04\n");

        var result = await RunAsync("import", "pupils", file);

        Assert.Equal(1, result.Exit);
        var name = Path.GetFileName(file);
        string[] expected =
        [
            $"line 3, column upn: '{wrongCheck}': UPN check letter should be {Upn1[0]}, not {wrongCheck[0]}",
            "line 4, column upn: 'A82321011900': UPN must be 13 characters (this one has 12)",
            "line 5, column forename: forename is missing",
            "line 6, column dob: '2015-02-30' is not a date (yyyy-mm-dd or dd/mm/yyyy)",
            "line 7, column sex: 'X' is not a sex code (use F, M or U)",
            "line 8, column urn: there is no school with URN 999999",
            "line 9, column urn: '12345' is not a 6-digit URN",
            "line 10, column entry_date: entry date 2014-09-04 is not after the date of birth 2015-01-01",
            "line 11, column entry_date: '4 Sept 2019' is not a date",
            $"line 12, column upn: UPN {Upn1} is already on line 2",
            "line 13, column dob: date of birth 2099-01-01 is in the future",
        ];
        foreach (var line in expected)
        {
            Assert.Contains($"{name}: {line}", result.Err, StringComparison.Ordinal);
        }

        Assert.Contains("Nothing was imported: 11 problem(s) in 12 row(s).", result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Children);
        Assert.Empty(db.AuditEvents.Where(e => e.Action == AuditActions.PupilImported));
    }

    [Fact]
    public async Task A_replaced_upn_is_refused_rather_than_creating_a_second_record()
    {
        await RunAsync("import", "pupils", WriteCsv(Good));
        var temporary = Upn.Create(823, 2101, 19, 99);
        await using (var db = _database.CreateContext())
        {
            var amelia = await db.Children.SingleAsync(c => c.Upn == Upn1);
            db.FormerUpns.Add(new FormerUpn { ChildId = amelia.Id, Upn = temporary, RecordedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var result = await RunAsync("import", "pupils", WriteCsv(Header + $"{temporary},Amelia,Clarke,2015-03-14,F,900101,2019-09-04\n"));

        Assert.Equal(1, result.Exit);
        Assert.Contains($"line 2, column upn: UPN {temporary} has been replaced by {Upn1}", result.Err, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Equal(3, await check.Children.CountAsync());
    }

    [Theory]
    [InlineData("upn,forename,surname,dob,urn\n", "missing: sex, entry_date")]
    [InlineData("", "the file is empty")]
    [InlineData("upn,forename,surname,dob,sex,urn,entry_date\n", "the file has a header but no pupils")]
    public async Task A_file_without_the_right_header_or_rows_is_refused(string content, string message)
    {
        var result = await RunAsync("import", "pupils", WriteCsv(content));

        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_error()
    {
        var result = await RunAsync("import", "pupils", Path.Combine(Path.GetTempPath(), "no-such-file.csv"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("does not exist", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_what_a_move_does()
    {
        var result = await RunAsync("import", "pupils", "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("day before entry_date", result.Out, StringComparison.Ordinal);
    }
}

public sealed class PupilImportCliTestsOnSqlite() : PupilImportCliTests(DatabaseProvider.Sqlite);

public sealed class PupilImportCliTestsOnPostgres() : PupilImportCliTests(DatabaseProvider.Postgres);
