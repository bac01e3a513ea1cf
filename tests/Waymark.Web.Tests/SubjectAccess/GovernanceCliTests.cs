using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.SubjectAccess;

/// <summary>`waymark subject-access` and `waymark retention` over a database of their own, on both providers.</summary>
public abstract class GovernanceCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private readonly TestWorld _world = new();

    private int _serial = 200;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "waymark-sar-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        await _world.SeedAsync(db);
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string DatabaseArgument => _database.CommandLineArgument;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<Child> RichChildAsync(DateOnly born, bool lookedAfter = false)
    {
        await using var db = _database.CreateContext();
        return await RichChild.CreateAsync(db, _world, born, lookedAfter);
    }

    [Fact]
    public async Task Subject_access_by_UPN_writes_the_zip_under_its_default_name_and_prints_its_path_and_a_summary()
    {
        var child = await RichChildAsync(new DateOnly(2014, 5, 5));

        var result = await RunAsync("subject-access", "--child", child.Upn!.ToLowerInvariant(), "--out", _folder, "--reference", "SAR-9");

        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var path = Path.Combine(_folder, $"subject-access-{child.Upn}-{DateTime.Now:yyyyMMdd}.zip");
        Assert.Equal(path, lines[0]);
        Assert.Matches($"^Subject access bundle for child {child.Id:D}: \\d+ rows from (\\d+) of \\1 tables, 10 attendance marks and 1 access events\\.$", lines[1]);
        Assert.Equal(2, lines.Length);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "index.html");
            Assert.Contains(zip.Entries, e => e.FullName == "access-history.csv");
            using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
            Assert.Contains($"by {Environment.UserName} on {Environment.MachineName}, operating-system account, the waymark command line", await readme.ReadToEndAsync(), StringComparison.Ordinal);
        }

        await using var db = _database.CreateContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SubjectAccessExported);
        Assert.Equal(child.Id, audit.ChildId);
        Assert.Null(audit.UserId);
        Assert.StartsWith("reference: SAR-9; ", audit.Detail, StringComparison.Ordinal);
        Assert.EndsWith("via the waymark command line", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subject_access_by_Waymark_id_writes_to_the_file_named()
    {
        var child = _world.CaseloadChild;
        var path = Path.Combine(_folder, "bundle.zip");

        var result = await RunAsync("subject-access", "--child", child.Id.ToString("D").ToUpperInvariant(), "--out", path);

        Assert.Equal(0, result.Exit);
        Assert.Equal(path, result.Out.Split('\n')[0]);
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("children.csv")!.Open());
        Assert.Contains(child.Upn!, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Contains("reference: (none)", (await _database.CreateContext().AuditEvents.SingleAsync(e => e.Action == AuditActions.SubjectAccessExported)).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X823200101999")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("nobody")]
    public async Task An_unknown_child_is_a_one_line_error_with_exit_code_2_and_no_file(string given)
    {
        var result = await RunAsync("subject-access", "--child", given, "--out", _folder);

        Assert.Equal(2, result.Exit);
        Assert.Equal($"error: --child: no child has the Waymark id or UPN '{given}'\n", result.Err.Replace("\r", "", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder));
        await using var db = _database.CreateContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SubjectAccessExported));
    }

    [Fact]
    public async Task A_missing_output_folder_or_child_option_is_refused()
    {
        var missingFolder = await RunAsync("subject-access", "--child", _world.PrimaryChild.Upn!, "--out", Path.Combine(_folder, "no", "such", "bundle.zip"));
        var missingChild = await RunAsync("subject-access");

        Assert.Equal(2, missingFolder.Exit);
        Assert.StartsWith("error: --out: the folder ", missingFolder.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, missingChild.Exit);
        Assert.Contains("--child", missingChild.Err, StringComparison.Ordinal);
    }

    /// <summary>A child with only a date of birth and, optionally, a looked-after episode, a legal hold and register years.</summary>
    private async Task<Child> ChildAsync(string name, DateOnly born, bool lookedAfter = false, bool held = false, params int[] registerYears)
    {
        await using var db = _database.CreateContext();
        var child = TestWorld.NewChild(name, "Edge", born, Sex.Male, 2001, _serial++);
        if (lookedAfter)
        {
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = born.AddYears(3), EndDate = born.AddYears(5) });
        }

        db.Children.Add(child);
        await db.SaveChangesAsync();
        if (held)
        {
            db.LegalHolds.Add(new LegalHold { ChildId = child.Id, Reason = "Claim", PlacedByUserId = _world.Users[Role.LaAdmin].Id, PlacedAtUtc = DateTime.UtcNow });
        }

        foreach (var year in registerYears)
        {
            db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = _world.Primary.Id, AcademicYear = year, Marks = new byte[YearMarks.Length] });
        }

        await db.SaveChangesAsync();
        return child;
    }

    [Fact]
    public async Task The_report_lists_what_is_due_at_the_birthday_and_review_edges_as_CSV()
    {
        var dueToday = await ChildAsync("DueToday", new DateOnly(2005, 6, 15));
        var dueTomorrow = await ChildAsync("DueTomorrow", new DateOnly(2005, 6, 16));
        var lastReviewDay = await ChildAsync("LastReview", new DateOnly(2005, 9, 15));
        await ChildAsync("TooSoon", new DateOnly(2005, 9, 16));
        await ChildAsync("LookedAfterAt25", new DateOnly(2005, 1, 1), lookedAfter: true);
        var lookedAfterAt75 = await ChildAsync("LookedAfterAt75", new DateOnly(1955, 6, 15), lookedAfter: true);
        var held = await ChildAsync("Held", new DateOnly(2004, 1, 1), held: true);
        var registers = await ChildAsync("Registers", new DateOnly(2015, 3, 3), registerYears: [2022, 2023, 2024]);
        var wholeAndRegister = await ChildAsync("WholeRecord", new DateOnly(2005, 1, 1), registerYears: [2020]);

        var result = await RunAsync("retention", "report", "--date", "2030-06-15");

        Assert.Equal(0, result.Exit);
        // Soonest first; on the same day, a child's record before a looked-after child's record.
        Assert.Equal(
            [
                GovernanceCommands.ReportHeader,
                $"child-record,{held.Id},{held.Upn},,2029-01-01,held,true",
                $"attendance-register,{registers.Id},{registers.Upn},2022,2029-09-01,delete,false",
                $"child-record,{wholeAndRegister.Id},{wholeAndRegister.Upn},,2030-01-01,delete,false",
                $"child-record,{dueToday.Id},{dueToday.Upn},,2030-06-15,delete,false",
                $"looked-after-child-record,{lookedAfterAt75.Id},{lookedAfterAt75.Upn},,2030-06-15,delete,false",
                $"child-record,{dueTomorrow.Id},{dueTomorrow.Upn},,2030-06-16,review,false",
                $"attendance-register,{registers.Id},{registers.Upn},2023,2030-09-01,review,false",
                $"child-record,{lastReviewDay.Id},{lastReviewDay.Upn},,2030-09-15,review,false",
            ],
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await using var db = _database.CreateContext();
        Assert.Contains("as of 2030-06-15: 8 records (command line", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.RetentionReportProduced)).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2029-02-28", "review")]
    [InlineData("2029-03-01", "delete")]
    [InlineData("01/03/2029", "delete")]
    public async Task A_child_born_on_29_February_falls_due_on_1_March(string date, string action)
    {
        var leapling = await ChildAsync("Leapling", new DateOnly(2004, 2, 29));

        var result = await RunAsync("retention", "report", "--date", date);

        Assert.Equal(0, result.Exit);
        Assert.Contains($"child-record,{leapling.Id},{leapling.Upn},,2029-03-01,{action},false\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_a_one_line_error_with_exit_code_2()
    {
        var result = await RunAsync("retention", "report", "--date", "15 June");

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("error: --date: '15 June' is not a date (", result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Retention_delete_says_what_it_would_delete_and_deletes_only_with_confirm_keeping_the_held_and_the_audit()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var due = await RichChildAsync(today.AddYears(-30));
        var held = await ChildAsync("HeldToo", today.AddYears(-40), held: true);
        var young = _world.PrimaryChild;

        var dryRun = await RunAsync("retention", "delete");
        await using (var db = _database.CreateContext())
        {
            Assert.True(await db.Children.AnyAsync(c => c.Id == due.Id));
        }

        var confirmed = await RunAsync("retention", "delete", "--confirm");

        Assert.Equal(0, dryRun.Exit);
        Assert.Contains("Nothing was deleted: 1 record(s) are due. Add --confirm to delete them.", dryRun.Out, StringComparison.Ordinal);
        Assert.Equal(0, confirmed.Exit);
        Assert.Contains("Deleted 1 child record(s) and 0 attendance register year(s)", confirmed.Out, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.False(await check.Children.AnyAsync(c => c.Id == due.Id));
        Assert.True(await check.Children.AnyAsync(c => c.Id == held.Id));
        Assert.True(await check.Children.AnyAsync(c => c.Id == young.Id));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.ChildId == due.Id && e.Action == AuditActions.ChildViewed));
        var deletion = await check.AuditEvents.SingleAsync(e => e.ChildId == due.Id && e.Action == AuditActions.ChildRecordDeleted);
        Assert.Contains($"UPN {due.Upn}; rule: Child's record, 25 years from the child's date of birth", deletion.Detail, StringComparison.Ordinal);
        Assert.Contains("via command line, run by ", deletion.Detail, StringComparison.Ordinal);
    }
}

public sealed class GovernanceCliTestsOnSqlite() : GovernanceCliTests(DatabaseProvider.Sqlite);

public sealed class GovernanceCliTestsOnPostgres() : GovernanceCliTests(DatabaseProvider.Postgres);
