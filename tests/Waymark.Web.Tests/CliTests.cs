using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests;

/// <summary>The `waymark` verbs, run in-process exactly as the console would, against both databases.</summary>
public abstract class CliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private string DatabaseArgument => _database.CommandLineArgument;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(stdin ?? ""));
        return (exit, output.ToString(), error.ToString());
    }

    private static string WriteCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private const string GoodSchools =
        "urn,la_code,establishment_number,name,phase,type\n" +
        "900101,823,2101,Brookside Primary School,Primary,Community school\n" +
        "900102,823,4101,\"Kingsway Academy, Eastmoor\",Secondary,Academy converter\n";

    [Fact]
    public async Task Import_schools_adds_them_and_a_second_import_changes_nothing()
    {
        var file = WriteCsv(GoodSchools);

        var first = await RunAsync(null, "import", "schools", file);
        var second = await RunAsync(null, "import", "schools", file);

        Assert.Equal(0, first.Exit);
        Assert.Contains("2 school(s) added, 0 updated, 0 unchanged", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("0 school(s) added, 0 updated, 2 unchanged", second.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var names = await db.Schools.OrderBy(s => s.Urn).Select(s => s.Name).ToListAsync();
        Assert.Equal(["Brookside Primary School", "Kingsway Academy, Eastmoor"], names);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == Data.Entities.AuditActions.SchoolsImported));
    }

    [Fact]
    public async Task Import_schools_updates_changed_rows_and_accepts_columns_in_any_order()
    {
        await RunAsync(null, "import", "schools", WriteCsv(GoodSchools));
        var changed = WriteCsv("TYPE,Name,urn,phase,establishment_number,la_code\nAcademy sponsor led,Brookside Academy,900101,primary,2101,823\n");

        var result = await RunAsync(null, "import", "schools", changed);

        Assert.Equal(0, result.Exit);
        Assert.Contains("0 school(s) added, 1 updated, 0 unchanged", result.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal("Brookside Academy", (await db.Schools.SingleAsync(s => s.Urn == 900101)).Name);
    }

    [Fact]
    public async Task A_bad_row_names_its_line_column_and_reason_and_nothing_is_saved()
    {
        var file = WriteCsv(
            "urn,la_code,establishment_number,name,phase,type\n" +
            "900101,823,2101,Brookside Primary School,Primary,Community school\n" +
            "12345,823,2102,Short Urn School,Primary,Community school\n" +
            "900103,999,2103,Unknown LA School,Primary,Community school\n" +
            "900104,823,2104,Odd Phase School,Kindergarten,Community school\n" +
            "900101,823,2105,Duplicate School,Primary,Community school\n");

        var result = await RunAsync(null, "import", "schools", file);

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 3, column urn: '12345' is not a 6-digit URN", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 4, column la_code: '999' is not a DfE 3-digit local authority code", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 5, column phase: 'Kindergarten' is not a GIAS phase", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 6, column urn: URN 900101 is already on line 2", result.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", result.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Schools);
    }

    [Fact]
    public async Task A_file_without_the_right_header_is_refused()
    {
        var result = await RunAsync(null, "import", "schools", WriteCsv("urn,name\n900101,Somewhere\n"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("missing: la_code, establishment_number, phase, type", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_reads_the_password_from_standard_input()
    {
        await RunAsync(null, "import", "schools", WriteCsv(GoodSchools));

        var result = await RunAsync("a-long-initial-password\n", "user", "add", "--email", "lead@school.example", "--role", "transition-lead",
            "--school", "900101", "--password-stdin");

        Assert.Equal(0, result.Exit);
        Assert.Contains("Created Transition Lead lead@school.example", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-initial-password", result.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var user = await db.Users.Include(u => u.School).SingleAsync(u => u.Email == "lead@school.example");
        Assert.Equal(Role.TransitionLead, user.Role);
        Assert.Equal(900101, user.School!.Urn);
        Assert.NotEqual("a-long-initial-password", user.PasswordHash);
        Assert.Contains(db.AuditEvents, e => e.Action == Data.Entities.AuditActions.UserCreated && e.Detail!.Contains("lead@school.example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("short\n", new[] { "--role", "la-officer" }, "password")]
    [InlineData("a-long-initial-password\n", new[] { "--role", "wizard" }, "'wizard' is not a role")]
    [InlineData("a-long-initial-password\n", new[] { "--role", "senco" }, "--school: Select the school")]
    [InlineData("a-long-initial-password\n", new[] { "--role", "senco", "--school", "999999" }, "There is no school with URN 999999")]
    public async Task User_add_refuses_bad_input_clearly(string stdin, string[] extra, string message)
    {
        var result = await RunAsync(stdin, ["user", "add", "--email", "x@school.example", "--password-stdin", .. extra]);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Users);
    }

    [Fact]
    public async Task Db_migrate_is_repeatable()
    {
        var first = await RunAsync(null, "db", "migrate");
        var second = await RunAsync(null, "db", "migrate");

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_seed_fills_an_empty_database_once_and_refuses_a_second_time()
    {
        var first = await RunAsync(null, "demo", "seed", "--pupils", "400", "--seed", "7");
        var second = await RunAsync(null, "demo", "seed", "--pupils", "400");

        Assert.Equal(0, first.Exit);
        Assert.Contains("admin@eastmoor.example", first.Out, StringComparison.Ordinal);

        // The demo administrator must set up two-factor at first sign-in, and the instructions say so.
        var lines = first.Out.Split('\n');
        Assert.EndsWith(" *", lines.Single(l => l.Contains("admin@eastmoor.example", StringComparison.Ordinal)).TrimEnd());
        Assert.DoesNotContain("*", lines.Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(?<![\w.])officer@eastmoor\.example")), StringComparison.Ordinal);
        Assert.Contains("* Two-factor authentication is required: the first sign-in asks you to scan a QR code", first.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, second.Exit);
        await using var db = _database.CreateContext();
        Assert.Equal(400, await db.Children.CountAsync());
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var result = await RunAsync(null, "--help");

        Assert.Equal(0, result.Exit);
        foreach (var verb in new[] { "serve", "db", "demo", "user", "import", "--database" })
        {
            Assert.Contains(verb, result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("urn,la_code,establishment_number,name,phase,type\n0900101,823,2101,Leading Zero School,Primary,Community school\n", "line 2, column urn: '0900101' is not a 6-digit URN")]
    [InlineData("urn,la_code,establishment_number,name,phase,type\n900101,823,21,Short Estab School,Primary,Community school\n", "line 2, column establishment_number: '21' is not a 4-digit establishment number")]
    [InlineData("urn,la_code,establishment_number,name,phase,type,name\n900101,823,2101,A,Primary,Community school,B\n", "line 1, column name: this column is named twice")]
    [InlineData("urn,la_code,establishment_number,name,phase,type\n900101,823,2101,\"Unclosed School,Primary,Community school\n900102,823,2102,Next School,Primary,Community school\n", "quoted value is not closed")]
    public async Task Malformed_files_are_refused_naming_the_problem(string content, string message)
    {
        var result = await RunAsync(null, "import", "schools", WriteCsv(content));

        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Schools);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_rather_than_garbled()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.csv");
        var header = System.Text.Encoding.ASCII.GetBytes("urn,la_code,establishment_number,name,phase,type\n900101,823,2101,Ysgol Br");
        var rest = System.Text.Encoding.ASCII.GetBytes("n,Primary,Community school\n");
        await File.WriteAllBytesAsync(path, [.. header, 0xFB, .. rest]);

        var result = await RunAsync(null, "import", "schools", path);

        Assert.Equal(1, result.Exit);
        Assert.Contains("not UTF-8", result.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Schools);
    }

    [Fact]
    public async Task La_set_names_the_local_authority_and_checks_the_code()
    {
        var bad = await RunAsync(null, "la", "set", "--code", "999", "--name", "Nowhere");
        var good = await RunAsync(null, "la", "set", "--code", "823", "--name", "Central Bedfordshire Council");
        var renamed = await RunAsync(null, "la", "set", "--code", "823", "--name", "Central Bedfordshire");

        Assert.Equal(2, bad.Exit);
        Assert.Contains("999 is not a DfE local authority number", bad.Err, StringComparison.Ordinal);
        Assert.Equal(0, good.Exit);
        Assert.Equal(0, renamed.Exit);
        await using var db = _database.CreateContext();
        Assert.Equal("Central Bedfordshire", (await db.LocalAuthorities.SingleAsync()).Name);
    }

    [Fact]
    public async Task La_set_accepts_las_made_after_the_upn_list_such_as_cumberland()
    {
        var result = await RunAsync(null, "la", "set", "--code", "942", "--name", "Cumberland Council");

        Assert.Equal((0, ""), (result.Exit, result.Err));
        await using var db = _database.CreateContext();
        Assert.Equal(942, (await db.LocalAuthorities.SingleAsync()).Code);
    }

    [Fact]
    public async Task Bad_arguments_give_a_one_line_error_and_no_stack_trace()
    {
        var pupils = await RunAsync(null, "demo", "seed", "--pupils", "0");
        var output = new StringWriter();
        var error = new StringWriter();
        var database = await WaymarkCli.RunAsync(["db", "migrate", "--database", "nonsense-without-a-host"], output, error, new StringReader(""));

        Assert.NotEqual(0, pupils.Exit);
        Assert.Contains("--pupils must be between 1 and 5,000,000", pupils.Err, StringComparison.Ordinal);
        Assert.Equal(2, database);
        Assert.StartsWith("error: --database", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", pupils.Err + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_data_is_never_loaded_beside_a_real_account()
    {
        await RunAsync("a-long-initial-password\n", "user", "add", "--email", "real.admin@council.example", "--role", "la-admin", "--password-stdin");

        var result = await RunAsync(null, "demo", "seed", "--pupils", "100");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("already has a user", result.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Children);
    }
}

public sealed class CliTestsOnSqlite() : CliTests(DatabaseProvider.Sqlite);

public sealed class CliTestsOnPostgres() : CliTests(DatabaseProvider.Postgres);
