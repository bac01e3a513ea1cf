using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Web.Imports;

namespace Waymark.Web.Cli;

/// <summary>`waymark import gias` (issue 7). Its name, options and exit codes are a contract.</summary>
internal static class GiasCommands
{
    public static Command ImportGias(Option<string?> database, TextWriter output, TextWriter error, bool showProgress)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The GIAS establishment extract (edubasealldataYYYYMMDD.csv from get-information-schools.service.gov.uk/Downloads)",
        };
        var links = new Option<FileInfo?>("--links")
        {
            Description = "The GIAS links file (links_edubasealldataYYYYMMDD.csv): predecessors and successors, such as the school an academy converted from",
        };
        var allLas = new Option<bool>("--all-las")
        {
            Description = "Load every establishment in the file, not only the local authority's own",
        };
        var command = new Command("gias",
            "Load or refresh the school register from the GIAS establishment extract, and its links file (all or nothing).\n" +
            "Reads URN, LA (code), EstablishmentNumber, EstablishmentName, TypeOfEstablishment (name),\n" +
            "PhaseOfEducation (name), EstablishmentStatus (name), OpenDate, CloseDate, Street, Locality, Address3, Town,\n" +
            "County (name) and Postcode, in any order, ignoring GIAS's other columns; Windows-1252 (as GIAS publishes it)\n" +
            "or UTF-8. By default only the establishments of the LA Waymark serves (`waymark la set`) are loaded, and any\n" +
            "school already in Waymark is refreshed wherever it is; --all-las loads them all. Rows without an\n" +
            "establishment number are not schools Waymark can hold and are left out, with their URNs listed.\n" +
            "With --links, each school in Waymark named in the links file gets exactly the file's links; rows about\n" +
            "establishments not in Waymark are left out. A school missing from a later extract is kept as it was, and a\n" +
            "closed school stays closed (a file that reopens one is refused as older than the last). Any bad row is\n" +
            "reported with its file, line and column and nothing is saved (exit 1). Importing the same files again\n" +
            "changes nothing.")
        {
            file, links, allLas,
        };
        command.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error,
            app => ImportAsync(app.Services, r.GetValue(file)!, r.GetValue(links), r.GetValue(allLas), output, error, showProgress, ct), ct));
        return command;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, FileInfo file, FileInfo? links, bool allLas, TextWriter output,
        TextWriter error, bool showProgress, CancellationToken ct)
    {
        foreach (var given in new[] { file, links })
        {
            if (given is { Exists: false })
            {
                await error.WriteLineAsync($"error: {given.FullName} does not exist");
                return 1;
            }
        }

        await using var scope = services.CreateAsyncScope();
        int? laCode = null;
        if (!allLas)
        {
            var la = await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(ct);
            if (la is null)
            {
                await error.WriteLineAsync(
                    "error: Waymark does not know which local authority it serves, so cannot pick its schools from the extract: " +
                    "run `waymark la set --code N --name NAME` first, or give --all-las to load every establishment");
                return 2;
            }

            laCode = la.Code;
        }

        var importer = ActivatorUtilities.CreateInstance<GiasImporter>(scope.ServiceProvider);
        await using var establishments = Open(file);
        await using var linkStream = links is null ? null : Open(links);
        GiasImportResult result;
        using (var bar = showProgress ? ProgressBar.OnTerminal($"Reading {file.Name}") : null)
        {
            result = await importer.ImportAsync(establishments, linkStream, new GiasImportOptions(laCode), bar, ct);
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.EstablishmentProblems)
            {
                await error.WriteLineAsync($"{file.Name}: {problem}");
            }

            foreach (var problem in result.LinkProblems)
            {
                await error.WriteLineAsync($"{links!.Name}: {problem}");
            }

            var listed = result.EstablishmentProblems.Count + result.LinkProblems.Count;
            if (result.ProblemCount > listed)
            {
                await error.WriteLineAsync($"... and {result.ProblemCount - listed:N0} more problem(s)");
            }

            await error.WriteLineAsync($"Nothing was imported: {result.ProblemCount:N0} problem(s).");
            return 1;
        }

        var scopeNote = laCode is int code
            ? $"; {result.OtherLocalAuthorities:N0} establishment(s) of other local authorities left out (LA {code:D3} only)"
            : "";
        await output.WriteLineAsync(
            $"Read {result.Rows:N0} establishment(s): {result.Added:N0} school(s) added, {result.Updated:N0} updated, " +
            $"{result.Closed:N0} closed, {result.Unchanged:N0} unchanged{scopeNote}.");
        if (result.WithoutNumber.Count > 0)
        {
            await output.WriteLineAsync(
                $"{result.WithoutNumber.Count:N0} establishment(s) without an establishment number left out (URN " +
                $"{string.Join(", ", result.WithoutNumber.Take(10))}{(result.WithoutNumber.Count > 10 ? ", ..." : "")}).");
        }

        if (result.NotInFile > 0)
        {
            await output.WriteLineAsync($"{result.NotInFile:N0} school(s) in Waymark are not in this file and were left as they were.");
        }

        if (result.LinksRead)
        {
            await output.WriteLineAsync(
                $"Read {result.LinkRows:N0} link(s): {result.LinksAdded:N0} added, {result.LinksUpdated:N0} updated, {result.LinksRemoved:N0} removed, " +
                $"{result.LinksUnchanged:N0} unchanged; {result.LinksSkipped:N0} about establishments not in Waymark left out.");
        }

        if (result.Warnings.Count > 0)
        {
            await output.WriteLineAsync("Closed schools still in use in Waymark (Waymark moves neither pupils nor staff by itself):");
            foreach (var warning in result.Warnings)
            {
                await output.WriteLineAsync($"  {warning}");
            }

            await output.WriteLineAsync("  Import their pupils' new enrolments with `waymark import pupils`, and move staff accounts from the user pages.");
        }

        return 0;
    }

    private static FileStream Open(FileInfo file) =>
        new(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
