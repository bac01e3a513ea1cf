using System.CommandLine;
using System.Globalization;
using System.Text;
using Waymark.Data.Entities;
using Waymark.Data.Retention;
using Waymark.Domain.Retention;
using Waymark.Web.Exports;
using Waymark.Web.Hosting;
using Waymark.Web.Imports;
using Waymark.Web.Retention;
using Waymark.Web.SubjectAccess;

namespace Waymark.Web.Cli;

/// <summary>`waymark subject-access` and `waymark retention` (issue 5). Their names, columns and exit codes are a contract.</summary>
internal static class GovernanceCommands
{
    public const string ReportHeader = "record_type,child_id,upn,academic_year,due_date,action_due,legal_hold";

    /// <summary>How the command line is named in bundles and in the audit: the operating-system account that ran it.</summary>
    private static SubjectAccessRequester Requester => new($"{Environment.UserName} on {Environment.MachineName}", "operating-system account", "the waymark command line");

    private static string RunBy => $"command line, run by {Environment.UserName} on {Environment.MachineName}";

    public static Command SubjectAccess(Option<string?> database, TextWriter output, TextWriter error)
    {
        var child = new Option<string>("--child") { Description = "The child's Waymark id (a GUID) or UPN", Required = true };
        var outPath = new Option<string?>("--out")
        {
            Description = "Where to write the zip: a file, or a folder for the default name (default: subject-access-<UPN or id>-<yyyyMMdd>.zip in the current folder)",
        };
        var reference = new Option<string?>("--reference") { Description = "The council's reference for the request, kept in the bundle and the audit" };
        var command = new Command("subject-access",
            "Write everything Waymark holds about a child, with the audit of who has seen or changed it, as a zip of\n" +
            "index.html (the whole record to read or print), one CSV per table, attendance-marks.csv, access-history.csv\n" +
            "and README.txt. The council must review it for third-party information and exemptions before disclosure.\n" +
            "An unknown child: a one-line error and exit code 2.")
        {
            child, outPath, reference,
        };
        command.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error, async app =>
        {
            var given = r.GetValue(child)!;
            var target = r.GetValue(outPath);
            var folder = target is null ? Directory.GetCurrentDirectory() : Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is null || !Directory.Exists(folder))
            {
                await error.WriteLineAsync($"error: --out: the folder {folder} does not exist");
                return 2;
            }

            var referenceText = r.GetValue(reference)?.Trim();
            if (referenceText is { Length: > 100 })
            {
                await error.WriteLineAsync("error: --reference: give 100 characters or fewer");
                return 2;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var export = scope.ServiceProvider.GetRequiredService<SubjectAccessExport>();
            var childId = await export.FindAsync(given, ct);
            if (childId is null)
            {
                await error.WriteLineAsync($"error: --child: no child has the Waymark id or UPN '{given.Trim()}'");
                return 2;
            }

            var bundle = (await export.ExportAsync(childId.Value, Requester, referenceText, ct))!;
            var path = Path.GetFullPath(target is null || Directory.Exists(target) ? Path.Combine(folder, bundle.FileName) : target);
            await File.WriteAllBytesAsync(path, bundle.Zip, ct);
            await output.WriteLineAsync(path);
            await output.WriteLineAsync($"Subject access bundle for child {childId:D}: {bundle.Summary}.");
            return 0;
        }, ct));
        return command;
    }

    public static Command Retention(Option<string?> database, TextWriter output, TextWriter error)
    {
        var date = new Option<string?>("--date") { Description = "Report as of this day (yyyy-mm-dd or dd/mm/yyyy); default today" };
        var report = new Command("report",
            $"List the records due for review or deletion under the retention rules, as CSV on standard output:\n{ReportHeader}\n" +
            "record_type is child-record, looked-after-child-record or attendance-register (academic_year set for the last);\n" +
            "action_due is delete (past its date), held (past its date but on legal hold) or review (due within 3 months).")
        {
            date,
        };
        report.SetAction(async (r, ct) =>
        {
            var text = r.GetValue(date);
            var today = TimeProvider.System.UkToday();
            if (text is not null && !DateText.TryParse(text.Trim(), out today))
            {
                await error.WriteLineAsync($"error: --date: '{text}' is not a date ({DateText.Expected})");
                return 2;
            }

            return await WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error, async app =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var items = await scope.ServiceProvider.GetRequiredService<RetentionReport>().DueAsync(today, ct);
                await scope.ServiceProvider.GetRequiredService<Auditing.Auditor>().RecordNowAsync(AuditActions.RetentionReportProduced,
                    detail: string.Create(CultureInfo.InvariantCulture, $"as of {today:yyyy-MM-dd}: {items.Count} records ({RunBy})"), ct: ct);
                var csv = new StringBuilder(ReportHeader).Append('\n');
                foreach (var item in items)
                {
                    csv.Append(Csv.Row(
                        RetentionRules.CommandName(item.Type), item.ChildId.ToString("D"), item.Upn,
                        item.AcademicYear?.ToString(CultureInfo.InvariantCulture), item.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        item.Action.ToString().ToLowerInvariant(), item.LegalHold ? "true" : "false")).Append('\n');
                }

                await output.WriteAsync(csv.ToString());
                return 0;
            }, ct);
        });

        var confirm = new Option<bool>("--confirm") { Description = "Delete them; without it, only say what would be deleted" };
        var delete = new Command("delete",
            "Delete every record due for deletion today (not those on legal hold), all or nothing, each audited.\n" +
            "Without --confirm nothing is deleted: the records are counted by type.")
        {
            confirm,
        };
        delete.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error, async app =>
        {
            var today = app.Services.GetRequiredService<TimeProvider>().UkToday();
            await using var scope = app.Services.CreateAsyncScope();
            var due = (await scope.ServiceProvider.GetRequiredService<RetentionReport>().DueAsync(today, ct))
                .Where(i => i.Action == RetentionAction.Delete).ToList();
            foreach (var type in RetentionRules.All)
            {
                await output.WriteLineAsync($"  {RetentionRules.DisplayName(type),-30} {due.Count(i => i.Type == type),7:N0}");
            }

            if (!r.GetValue(confirm))
            {
                await output.WriteLineAsync($"Nothing was deleted: {due.Count:N0} record(s) are due. Add --confirm to delete them.");
                return 0;
            }

            if (due.Count == 0)
            {
                await output.WriteLineAsync("No records are due for deletion.");
                return 0;
            }

            var result = await scope.ServiceProvider.GetRequiredService<RetentionDeleter>().DeleteAsync(due.Select(i => i.Key).ToList(), today, RunBy, ct);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"error: {result.Problems[0]}");
                return 1;
            }

            await output.WriteLineAsync(
                $"Deleted {result.ChildRecords:N0} child record(s) and {result.RegisterYears:N0} attendance register year(s): {result.Rows:N0} rows. The audit log names each.");
            return 0;
        }, ct));

        return new Command("retention", "Retention rules: what is due for review or deletion, and deleting it") { report, delete };
    }
}
