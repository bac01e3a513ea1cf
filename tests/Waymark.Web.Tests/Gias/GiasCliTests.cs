using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Gias;

/// <summary>`waymark import gias`, run in-process as the console would, on the fixtures, against both databases.</summary>
public abstract class GiasCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private string DatabaseArgument => _database.CommandLineArgument;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private static readonly string Establishments = GiasFixture.PathOf("gias-establishments.csv");
    private static readonly string Links = GiasFixture.PathOf("gias-links.csv");

    [Fact]
    public async Task Import_gias_loads_the_las_register_and_links_and_a_second_run_changes_nothing()
    {
        await RunAsync("la", "set", "--code", "305", "--name", "Testborough Council");

        var first = await RunAsync("import", "gias", Establishments, "--links", Links);
        var second = await RunAsync("import", "gias", Establishments, "--links", Links);

        Assert.Equal((0, ""), (first.Exit, first.Err));
        Assert.Equal(
            "Read 13 establishment(s): 10 school(s) added, 0 updated, 0 closed, 0 unchanged; 2 establishment(s) of other local authorities left out (LA 305 only).\n" +
            "1 establishment(s) without an establishment number left out (URN 900307).\n" +
            "Read 33 link(s): 7 added, 0 updated, 0 removed, 0 unchanged; 26 about establishments not in Waymark left out.\n",
            first.Out.ReplaceLineEndings("\n"));
        Assert.Equal(0, second.Exit);
        Assert.Contains("0 school(s) added, 0 updated, 0 closed, 10 unchanged", second.Out, StringComparison.Ordinal);
        Assert.Contains("Read 33 link(s): 0 added, 0 updated, 0 removed, 7 unchanged", second.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(10, await db.Schools.CountAsync());
        Assert.Equal(7, await db.SchoolLinks.CountAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == Data.Entities.AuditActions.SchoolsImported));
    }

    [Fact]
    public async Task Without_the_la_set_it_asks_for_it_and_all_las_loads_everything()
    {
        var refused = await RunAsync("import", "gias", Establishments);
        var everyLa = await RunAsync("import", "gias", Establishments, "--all-las");

        Assert.Equal(2, refused.Exit);
        Assert.Contains("error: Waymark does not know which local authority it serves", refused.Err, StringComparison.Ordinal);
        Assert.Contains("waymark la set --code N --name NAME", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, everyLa.Exit);
        Assert.Contains("Read 13 establishment(s): 12 school(s) added, 0 updated, 0 closed, 0 unchanged.", everyLa.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(12, await db.Schools.CountAsync());
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_file_line_and_column_and_nothing_is_imported()
    {
        await RunAsync("la", "set", "--code", "305", "--name", "Testborough Council");

        var result = await RunAsync("import", "gias", GiasFixture.PathOf("gias-establishments-bad-rows.csv"), "--links", Links);

        Assert.Equal(1, result.Exit);
        Assert.Contains("gias-establishments-bad-rows.csv: line 3, column URN: '90031' is not a 6-digit URN", result.Err, StringComparison.Ordinal);
        Assert.Contains("gias-establishments-bad-rows.csv: line 4, column OpenDate: '31-02-2019' is not a date", result.Err, StringComparison.Ordinal);
        Assert.Contains("gias-establishments-bad-rows.csv: line 5, column PhaseOfEducation (name): 'Kindergarten' is not a GIAS phase of education", result.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 3 problem(s).", result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Schools);
    }

    [Fact]
    public async Task A_header_without_the_gias_columns_is_refused_naming_the_missing_ones()
    {
        var file = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "urn,la_code,establishment_number,name,phase,type\n900101,305,2101,Brookside,Primary,Community school\n");

        var result = await RunAsync("import", "gias", file, "--all-las");

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 1: the header row must name the columns URN,LA (code),EstablishmentNumber", result.Err, StringComparison.Ordinal);
        Assert.Contains("missing: LA (code), EstablishmentNumber, EstablishmentName, TypeOfEstablishment (name)", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var result = await RunAsync("import", "gias", Establishments, "--links", "/nowhere/links.csv", "--all-las");

        Assert.Equal(1, result.Exit);
        Assert.Contains("/nowhere/links.csv does not exist", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_schools_import_still_works_beside_gias_and_gias_then_refreshes_those_schools()
    {
        await RunAsync("la", "set", "--code", "305", "--name", "Testborough Council");
        var file = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "urn,la_code,establishment_number,name,phase,type\n900301,305,3301,St Marys Primary,Primary,Community school\n");

        var schools = await RunAsync("import", "schools", file);
        var gias = await RunAsync("import", "gias", Establishments);

        Assert.Equal(0, schools.Exit);
        Assert.Contains("1 school(s) added", schools.Out, StringComparison.Ordinal);
        Assert.Contains("9 school(s) added, 1 updated, 0 closed, 0 unchanged", gias.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var school = await db.Schools.SingleAsync(s => s.Urn == 900301);
        Assert.Equal(("St Mary\u2019s C of E Primary School", "Voluntary aided school", SchoolStatus.Open), (school.Name, school.Type, school.Status));
    }

    [Fact]
    public async Task Help_describes_the_command()
    {
        var result = await RunAsync("import", "gias", "--help");

        Assert.Equal(0, result.Exit);
        foreach (var text in new[] { "--links", "--all-las", "EstablishmentStatus (name)", "Windows-1252" })
        {
            Assert.Contains(text, result.Out, StringComparison.Ordinal);
        }
    }
}

public sealed class GiasCliTestsOnSqlite() : GiasCliTests(DatabaseProvider.Sqlite);

public sealed class GiasCliTestsOnPostgres() : GiasCliTests(DatabaseProvider.Postgres);
