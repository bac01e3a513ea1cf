using System.CommandLine;
using Waymark.Web.Imports;

namespace Waymark.Web.Cli;

/// <summary>`waymark import dfe-attendance` (issue 8). Its name, options and exit codes are a contract.</summary>
internal static class DfeAttendanceCommands
{
    public static Command Import(Option<string?> database, TextWriter output, TextWriter error, bool showProgress)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "DfE's \"Pupil attendance in schools\" CSV from Explore Education Statistics (national, regional and LA rows by phase)",
        };
        var command = new Command("dfe-attendance",
            "Load DfE's published attendance statistics, to show the LA beside national, its region and similar LAs.\n" +
            "Reads time_period, time_identifier, geographic_level (National, Regional, Local authority), the area's codes and\n" +
            "names, old_la_code, education_phase (Primary, Secondary, Special, Total), enrolments, the session counts and the\n" +
            "rates (overall_absence_perc, authorised_absence_perc, unauthorised_absence_perc, pa_perc...), in any order,\n" +
            "ignoring the file's other columns. A figure marked c, x, z, u or low is kept as not published, never as zero.\n" +
            "Every row's sums are checked (possible = attendance + absence, and so on). Any bad row is reported with its line\n" +
            "and column and nothing is saved (exit 1). The file replaces what Waymark holds for its time periods; importing\n" +
            "the same file again changes nothing.")
        {
            file,
        };
        command.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error,
            app => ImportAsync(app.Services, r.GetValue(file)!, output, error, showProgress, ct), ct));
        return command;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, FileInfo file, TextWriter output, TextWriter error, bool showProgress,
        CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"error: {file.FullName} does not exist");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<DfeAttendanceImporter>(scope.ServiceProvider);
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        DfeAttendanceImportResult result;
        using (var bar = showProgress ? ProgressBar.OnTerminal($"Reading {file.Name}") : null)
        {
            result = await importer.ImportAsync(stream, file.Name, bar, ct);
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync($"{file.Name}: {problem}");
            }

            if (result.ProblemCount > result.Problems.Count)
            {
                await error.WriteLineAsync($"{file.Name}: ... and {result.ProblemCount - result.Problems.Count:N0} more problem(s)");
            }

            await error.WriteLineAsync($"Nothing was imported: {result.ProblemCount:N0} problem(s) in {result.Rows:N0} row(s).");
            return 1;
        }

        await output.WriteLineAsync(
            $"Read {result.Rows:N0} row(s) for {string.Join(", ", result.Periods)}: {result.National:N0} national, {result.Regional:N0} regional, " +
            $"{result.LocalAuthority:N0} local authority; {result.NotPublished:N0} figure(s) not published (kept as such).");
        await output.WriteLineAsync(result.Added + result.Updated + result.Removed == 0
            ? $"Nothing changed: all {result.Unchanged:N0} row(s) were already held with these figures."
            : $"{result.Added:N0} row(s) added, {result.Updated:N0} updated, {result.Removed:N0} removed, {result.Unchanged:N0} unchanged.");
        return 0;
    }
}
