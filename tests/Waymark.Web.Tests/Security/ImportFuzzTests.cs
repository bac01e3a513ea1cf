using System.Globalization;
using System.Text;
using Waymark.Data;
using Waymark.Testing;
using Waymark.Web.Imports;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// `waymark import pupils`, `waymark import attendance` and `waymark import schools` given thousands of generated bad files: mutations of good
/// files (characters, lines, columns, quotes, separators, empty, long and control-character fields, invalid UTF-8, BOMs,
/// line endings, header changes, impossible and edge dates, unknown codes, UPNs and URNs) and random bytes. Every file
/// is either imported, or refused with problems that each name a line (and the column, when the problem is in a
/// field) and the database exactly as it was. A file that is imported imports again changing nothing. Each case is
/// made from the seed and its index, printed on failure; set WAYMARK_FUZZ_CASE to an index to run that case alone.
/// </summary>
public abstract class ImportFuzzTests(DatabaseProvider provider, int casesPerFormat, int validFilesPerFormat, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 5_2026;

    /// <summary>Failures listed before the run stops.</summary>
    private const int FailuresShown = 8;

    private TestDatabase _database = null!;
    private ImportWorld _world = null!;

    /// <summary>The problems of the last refusal, for a good file's failure message.</summary>
    private string _lastProblems = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = new ImportWorld(_database);
        await _world.ResetAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>What one import did, whichever format.</summary>
    private sealed record Outcome(bool Succeeded, IReadOnlyList<ImportProblem> Problems, int ProblemCount, long Rows, long Changed, string Summary);

    private async Task<Outcome> ImportAsync(ImportFormat format, byte[] file)
    {
        if (format == CsvFuzzer.Schools)
        {
            var s = await _world.ImportSchoolsAsync(file);
            return new Outcome(s.Succeeded, s.Problems, s.Problems.Count, s.RowsRead, s.Added + s.Updated,
                $"{s.RowsRead} row(s): {s.Added} added, {s.Updated} updated, {s.Unchanged} unchanged");
        }

        if (format == CsvFuzzer.Pupils)
        {
            var r = await _world.ImportPupilsAsync(file);
            return new Outcome(r.Succeeded, r.Problems, r.Problems.Count, r.RowsRead, r.Added + r.Updated,
                $"{r.RowsRead} row(s): {r.Added} added, {r.Updated} updated, {r.Unchanged} unchanged");
        }

        var a = await _world.ImportAttendanceAsync(file);
        return new Outcome(a.Succeeded, a.Problems, a.ProblemCount, a.RowsRead, a.New + a.Changed,
            $"{a.RowsRead} row(s): {a.New} new, {a.Changed} changed, {a.Unchanged} unchanged");
    }

    [Fact]
    public Task Bad_pupil_files_are_refused_whole_with_each_problem_placed_or_imported() => FuzzAsync(CsvFuzzer.Pupils);

    [Fact]
    public Task Bad_attendance_files_are_refused_whole_with_each_problem_placed_or_imported() => FuzzAsync(CsvFuzzer.Attendance);

    [Fact]
    public Task Bad_school_files_are_refused_whole_with_each_problem_placed_or_imported() => FuzzAsync(CsvFuzzer.Schools, casesPerFormat / 3);

    [Fact]
    public Task Good_school_files_are_imported_and_importing_again_changes_nothing() => ValidFilesAsync(CsvFuzzer.Schools);

    [Fact]
    public Task Good_pupil_files_are_imported_and_importing_again_changes_nothing() => ValidFilesAsync(CsvFuzzer.Pupils);

    [Fact]
    public Task Good_attendance_files_are_imported_and_importing_again_changes_nothing() => ValidFilesAsync(CsvFuzzer.Attendance);

    private async Task FuzzAsync(ImportFormat format, int? cases = null)
    {
        var count = cases ?? casesPerFormat;
        var only = Environment.GetEnvironmentVariable("WAYMARK_FUZZ_CASE");
        var indexes = only is null ? Enumerable.Range(0, count) : [int.Parse(only, CultureInfo.InvariantCulture)];
        var failures = new List<string>();
        var (imported, refused) = (0, 0);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = await _world.SnapshotAsync();
        foreach (var index in indexes)
        {
            var input = CsvFuzzer.Generate(format, Seed, index);
            foreach (var kind in input.Kind.Split('+'))
            {
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }

            var failure = await CheckAsync(format, input, before);
            if (failure.Written)
            {
                imported++;
                await _world.ResetAsync();
                before = await _world.SnapshotAsync();
            }
            else
            {
                refused++;
            }

            if (failure.Message is not null)
            {
                failures.Add($"case {index} (seed {Seed}, {input.Kind}): {failure.Message}\n    input: \"{input.Printable()}\"");
                if (failures.Count == FailuresShown)
                {
                    break;
                }
            }
        }

        output.WriteLine($"{format.Name} on {provider}: {imported + refused} generated file(s), {refused} refused, {imported} imported (seed {Seed}).");
        output.WriteLine("Mutations used: " + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} case(s) broke the rules:\n" + string.Join("\n", failures));

        // The run must have tried both paths, or it proves little.
        Assert.True(only is not null || refused > count / 2, $"only {refused} of {count} files were refused");
        Assert.True(only is not null || imported > 0, "no mutated file was imported");
    }

    /// <summary>
    /// Imports the file and checks the rules; the message says what broke them, or is null. Written is true when the
    /// file was imported (or the case failed in a way that may have written), so the caller puts the world back.
    /// </summary>
    private async Task<(bool Written, string? Message)> CheckAsync(ImportFormat format, FuzzInput input, DatabaseSnapshot before)
    {
        Outcome outcome;
        try
        {
            outcome = await ImportAsync(format, input.Bytes);
        }
        catch (Exception ex)
        {
            return (true, $"the importer threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
        }

        if (outcome.Succeeded)
        {
            if (outcome.Rows == 0)
            {
                return (true, $"imported a file of no rows ({outcome.Summary})");
            }

            // Imported: the same file again changes nothing (the attendance import notes each load in the audit log).
            var afterFirst = await _world.SnapshotAsync();
            Outcome again;
            try
            {
                again = await ImportAsync(format, input.Bytes);
            }
            catch (Exception ex)
            {
                return (true, $"the second import threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }

            var afterSecond = await _world.SnapshotAsync();
            var changed = afterFirst.Differences(afterSecond, format == CsvFuzzer.Attendance ? ["AuditEvents", "AuditChainHeads"] : []);
            if (!again.Succeeded || again.Changed != 0 || changed.Count > 0)
            {
                return (true, $"imported ({outcome.Summary}), but importing again {(again.Succeeded ? again.Summary : "was refused: " + string.Join("; ", again.Problems))}" +
                    (changed.Count > 0 ? $" and changed {string.Join(", ", changed)}" : ""));
            }

            return (true, null);
        }

        var problems = new List<string>();
        if (outcome.Problems.Count == 0 || outcome.ProblemCount < outcome.Problems.Count)
        {
            problems.Add($"refused with {outcome.Problems.Count} problem(s) listed of {outcome.ProblemCount}");
        }

        var lines = CsvFuzzer.PhysicalLines(input.Bytes);
        foreach (var problem in outcome.Problems)
        {
            if (problem.Line < 1 || problem.Line > lines + 1)
            {
                problems.Add($"'{problem}' names line {problem.Line} of a file of {lines} line(s)");
            }

            if (problem.Column is null)
            {
                if (!format.FileLevelReasons.Any(r => problem.Reason.StartsWith(r, StringComparison.Ordinal)))
                {
                    problems.Add($"'{problem}' names no column, but is not about the file, header or whole row");
                }
            }
            else if (!format.Columns.Contains(problem.Column, StringComparer.Ordinal) && !(problem.Line == 1 && problem.Reason == "this column is named twice"))
            {
                problems.Add($"'{problem}' names a column the format does not have");
            }
        }

        var after = await _world.SnapshotAsync();
        var differences = before.Differences(after);
        if (differences.Count > 0)
        {
            problems.Add("refused, but the database changed: " + string.Join(", ", differences));
            return (true, string.Join("; ", problems));
        }

        _lastProblems = string.Join(" | ", outcome.Problems);
        return (false, problems.Count == 0 ? null : string.Join("; ", problems) + $"\n    problems: {_lastProblems}");
    }

    private async Task ValidFilesAsync(ImportFormat format)
    {
        var failures = new List<string>();
        for (var index = 0; index < validFilesPerFormat && failures.Count < FailuresShown; index++)
        {
            var random = CsvFuzzer.RandomFor(Seed + 1, index);
            var input = new FuzzInput(index, "valid", format.Valid(random).Encode());
            var (imported, message) = await CheckAsync(format, input, await _world.SnapshotAsync());
            if (!imported)
            {
                message = "a good file was refused: " + (message ?? _lastProblems);
            }

            if (message is not null)
            {
                failures.Add($"valid file {index} (seed {Seed + 1}): {message}\n    input: \"{input.Printable()}\"");
            }

            await _world.ResetAsync();
        }

        output.WriteLine($"{format.Name} on {provider}: {validFilesPerFormat} generated good file(s) imported, each imported again without change.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Files far past the readers' buffers: a quote never closed (in the header or the first row) swallows the rest.</summary>
    [Theory]
    [InlineData("unclosed-quote-in-first-row")]
    [InlineData("unclosed-quote-in-header")]
    [InlineData("300000-separators")]
    public async Task Huge_rows_are_refused_not_crashed_on(string kind)
    {
        var line = $"{ImportWorld.Pupils[0].Upn},Ava,Clarke,2015-03-14,F,{ImportWorld.BrooksideUrn},2019-09-04\n";
        var text = new StringBuilder(kind switch
        {
            "unclosed-quote-in-first-row" => "upn,date,session,code,forename,surname,dob,sex,urn,entry_date\n\"",
            "unclosed-quote-in-header" => "\"upn,date,session,code,forename,surname,dob,sex,urn,entry_date\n",
            _ => "upn,date,session,code,forename,surname,dob,sex,urn,entry_date\n" + ImportWorld.Pupils[0].Upn + new string(',', 300_000) + "\n",
        });
        while (text.Length < 20_000_000)
        {
            text.Append(line);
        }

        var input = new FuzzInput(0, kind, Encoding.UTF8.GetBytes(text.ToString()));
        var before = await _world.SnapshotAsync();
        foreach (var format in new[] { CsvFuzzer.Attendance, CsvFuzzer.Pupils })
        {
            var (imported, message) = await CheckAsync(format, input, before);

            Assert.True(message is null, $"{format.Name}: {message}");
            Assert.False(imported, $"{format.Name}: a file of {input.Bytes.Length:N0} bytes was imported");
        }
    }
}

public sealed class ImportFuzzTestsOnSqlite(ITestOutputHelper output) : ImportFuzzTests(DatabaseProvider.Sqlite, 1500, 100, output);

public sealed class ImportFuzzTestsOnPostgres(ITestOutputHelper output) : ImportFuzzTests(DatabaseProvider.Postgres, 500, 40, output);
