using System.CommandLine;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Web.CommonTransfer;

namespace Waymark.Web.Cli;

/// <summary>`waymark export ctf` (issue 7). Its options, output and exit codes are a contract.</summary>
internal static class CommonTransferCommands
{
    /// <summary>As the other commands name the operator: the operating-system account that ran it, on this machine.</summary>
    private static string RunBy => $"command line, run by {Environment.UserName} on {Environment.MachineName}";

    public static Command Export(Option<string?> database, TextWriter output, TextWriter error)
    {
        var children = new Option<string[]>("--child")
        {
            Description = "A child to include, by Waymark id (a GUID) or UPN; give several after one --child or repeat it",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to")
        {
            Description = "The receiver: the LAESTAB of an open school in Waymark's register (e.g. 8234001), an LA as its number and LLLL " +
                "(e.g. 823LLLL), MMMMMMM (next school not known) or XXXXXXX (leaving the English maintained sector)",
            Required = true,
        };
        var outFolder = new Option<string?>("--out") { Description = "The folder to write the file in (default: the current folder)" };
        var ctf = new Command("ctf",
            "Write a DfE common transfer file (CTF 25) for the children, from this local authority (its number and LLLL) to the\n" +
            "receiver, named LLLEEEE_CTF_LLLEEEE_NNN.xml with the next sequence number for that pair; print its path and a summary.\n" +
            "Each child's sharing ledger records the file (a statutory duty) and the audit log names the operator who ran it.\n" +
            "A bad option or an unknown child: one line per problem and exit code 2, with no file written.")
        {
            children, to, outFolder,
        };
        ctf.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error, async app =>
        {
            var folder = Path.GetFullPath(r.GetValue(outFolder) ?? Directory.GetCurrentDirectory());
            if (!Directory.Exists(folder))
            {
                await error.WriteLineAsync($"error: --out: the folder {folder} does not exist");
                return 2;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var export = scope.ServiceProvider.GetRequiredService<CommonTransferFileExport>();
            var (destination, destinationProblem) = await export.DestinationAsync(r.GetValue(to), ct);
            var problems = new List<string>();
            if (destinationProblem is not null)
            {
                problems.Add($"--to: {destinationProblem}");
            }

            var ids = new List<Guid>();
            foreach (var given in r.GetValue(children) ?? [])
            {
                if (await ChildLookup.FindAsync(db, given, ct) is Guid id)
                {
                    if (!ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }
                else
                {
                    problems.Add($"--child: no child has the Waymark id or UPN '{given.Trim()}'");
                }
            }

            var (source, sourceProblem) = await export.LocalAuthoritySourceAsync(ct);
            if (sourceProblem is not null)
            {
                await error.WriteLineAsync($"error: {sourceProblem}");
                return 1;
            }

            if (destination is not null)
            {
                problems.AddRange((await export.ProblemsAsync(ids, source!, destination, ct)).Select(p => p.StartsWith("child ", StringComparison.Ordinal) ? $"--child: {p}" : $"--to: {p}"));
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"error: {problem}");
                }

                return 2;
            }

            CtfExportResult result;
            try
            {
                result = await export.ExportAsync(ids, source!, destination!, new CtfMaker(null, RunBy), folder, ct);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }

            await output.WriteLineAsync(result.Path);
            await output.WriteLineAsync(
                $"Common transfer file {result.FileName} from {source!.Name} ({source.Party.Code}) to {destination!.RecipientName} ({destination.Establishment.Party.Code}): " +
                $"{result.Pupils} pupil(s), {result.AttendanceYears} year(s) of attendance. Recorded in each child's sharing ledger.");
            foreach (var note in result.Notes)
            {
                await output.WriteLineAsync($"Note: {note}.");
            }

            return 0;
        }, ct));
        return new Command("export", "Export data files") { ctf };
    }
}
