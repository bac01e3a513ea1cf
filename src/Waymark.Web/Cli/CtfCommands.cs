using System.CommandLine;
using System.Globalization;
using Waymark.Web.Imports;
using Waymark.Web.Imports.Ctf;

namespace Waymark.Web.Cli;

/// <summary>`waymark import ctf FILE...` (issue 7). Its name, options and exit codes are a contract.</summary>
internal static class CtfCommands
{
    public static Command ImportCtf(Option<string?> database, TextWriter output, TextWriter error, bool showProgress)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "One or more Common Transfer Files (XML, CTF version 24 or 25)", Arity = ArgumentArity.OneOrMore };
        var user = new Option<string?>("--user")
        {
            Description = "Email of the Waymark account the files are loaded for, kept with every attendance correction and audit entry",
        };
        var allowMismatch = new Option<bool>("--allow-totals-mismatch")
        {
            Description = "Import even when a YearData's session totals disagree with its marks (each disagreement is still listed as a warning)",
        };
        var command = new Command("ctf",
            "Import Common Transfer Files (CTF 24 or 25) into children's records, all or nothing.\n" +
            "Every file is checked before anything is saved, and all of them are saved in one transaction: any problem in any\n" +
            "file is listed with its line, pupil (UPN), element and reason, and nothing is saved (exit 1). Importing the same\n" +
            "files again changes nothing. Pupils are matched by UPN, or by a former UPN the file gives (a temporary UPN replaced).\n" +
            "Read: names, former UPNs, date of birth, sex, NC year, ethnicity, first language, looked after and care authority,\n" +
            "SEN history and needs, free school meals, address, contacts, school history and attendance marks. Marks go\n" +
            "through the same checks and history as `waymark import attendance`; each YearData's session totals must match its\n" +
            "marks (or use --allow-totals-mismatch). A file is refused unless the school that sent it or its destination is in\n" +
            "Waymark's register; marks of schools not in the register are checked but not stored. See docs/ctf.md.")
        {
            files, user, allowMismatch,
        };
        command.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error, async app =>
        {
            var given = r.GetValue(files) ?? [];
            foreach (var missing in given.Where(f => !f.Exists))
            {
                await error.WriteLineAsync($"error: {missing.FullName} does not exist");
            }

            if (given.Any(f => !f.Exists))
            {
                return 1;
            }

            await using var scope = app.Services.CreateAsyncScope();
            string? userId = null;
            if (r.GetValue(user) is { } email)
            {
                userId = await WaymarkCli.FindUserAsync(scope.ServiceProvider, email, error, ct);
                if (userId is null)
                {
                    return 2;
                }
            }

            var importer = ActivatorUtilities.CreateInstance<CtfImporter>(scope.ServiceProvider,
                ActivatorUtilities.CreateInstance<AttendanceImporter>(scope.ServiceProvider));
            var sources = given.Select(f => new CtfSource(f.Name,
                () => new FileStream(f.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))).ToList();
            using var bar = showProgress ? ProgressBar.OnTerminal(string.Create(CultureInfo.InvariantCulture, $"Reading {given.Length} file(s)")) : null;
            var result = await importer.ImportAsync(sources, new CtfImportOptions(userId, r.GetValue(allowMismatch)), bar, ct);
            bar?.Dispose();
            return await ReportAsync(result, output, error);
        }, ct));
        return command;
    }

    private static async Task<int> ReportAsync(CtfImportResult result, TextWriter output, TextWriter error)
    {
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync($"{warning.File}: warning: {warning.Problem}");
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            var files = result.Problems.Select(p => p.File).Distinct().Count();
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Nothing was imported: {result.Problems.Count:N0} problem(s) in {files:N0} file(s), {result.PupilsRead:N0} pupil(s) read."));
            return 1;
        }

        foreach (var file in result.Files)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}: from {file.From} to {file.To}: {file.Pupils:N0} pupil(s), {file.Added:N0} added, {file.Updated:N0} updated, {file.Unchanged:N0} unchanged."));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Read {result.Files.Count:N0} file(s), {result.PupilsRead:N0} pupil(s): {result.Added:N0} added, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged."));
        await output.WriteLineAsync(result.Marks is { } marks
            ? string.Create(CultureInfo.InvariantCulture, $"Attendance: {marks.New:N0} mark(s) new, {marks.Changed:N0} changed, {marks.Unchanged:N0} unchanged.")
            : "Attendance: no marks stored.");
        if (result.YearsNotStored > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.YearsNotStored:N0} year(s) of marks at schools not in Waymark's register were checked but not stored."));
        }

        if (result.Worklist is { } worklist)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Worklist brought up to date for {worklist.Pupils:N0} pupil record(s): {worklist.Raised:N0} alert(s) raised, {worklist.Cleared:N0} cleared, {worklist.Reopened:N0} reopened."));
        }

        return 0;
    }
}
