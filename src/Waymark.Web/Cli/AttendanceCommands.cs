using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Web.Imports;

namespace Waymark.Web.Cli;

/// <summary>`waymark import pupils` and `waymark attendance stats` (issue 4). Their names, columns and exit codes are a contract.</summary>
internal static class AttendanceCommands
{
    public const string PupilColumns = "upn,forename,surname,dob,sex,urn,entry_date";

    public const string PupilHeader =
        "upn,possible_sessions,present_sessions,aea_sessions,authorised_sessions,unauthorised_sessions,not_counted_sessions," +
        "attendance_rate,overall_absence_rate,persistent_absent,severely_absent";

    public const string GroupHeader =
        "key,enrolments,possible_sessions,present_sessions,aea_sessions,authorised_sessions,unauthorised_sessions,not_counted_sessions," +
        "attendance_rate,overall_absence_rate,persistent_absence_rate,severe_absence_rate";

    public static Command ImportPupils(Option<string?> database, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = $"CSV with the header {PupilColumns}" };
        var command = new Command("pupils",
            $"Create or update pupils and their enrolments from a CSV file (all or nothing).\n" +
            $"Columns {PupilColumns}, header required, any order; dates yyyy-mm-dd or dd/mm/yyyy;\n" +
            "sex F, M or U (blank: U for a new pupil, unchanged for one already in Waymark).\n" +
            "Pupils are matched by UPN (check letter verified); the school by URN, which must already be in Waymark.\n" +
            "A pupil on roll elsewhere has moved: that enrolment ends the day before entry_date (dual subsidiary\n" +
            "registrations such as alternative provision are kept). A pupil already on roll at the school keeps that\n" +
            "enrolment with the file's entry_date. A row whose entry_date is not after the start of the pupil's current\n" +
            "enrolment elsewhere is refused, as the file is older than Waymark's record.\n" +
            "Any bad row is reported with its line and column and nothing is saved (exit 1). Importing the same file\n" +
            "again changes nothing.")
        {
            file,
        };
        command.SetAction((r, ct) => WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error, async app =>
        {
            var csv = r.GetValue(file)!;
            if (!csv.Exists)
            {
                await error.WriteLineAsync($"error: {csv.FullName} does not exist");
                return 1;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var importer = ActivatorUtilities.CreateInstance<PupilImporter>(scope.ServiceProvider);
            await using var stream = csv.OpenRead();
            var result = await importer.ImportAsync(stream, $"import pupils {csv.Name}", ct);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    await error.WriteLineAsync($"{csv.Name}: {problem}");
                }

                await error.WriteLineAsync($"Nothing was imported: {result.Problems.Count} problem(s) in {result.RowsRead} row(s).");
                return 1;
            }

            await output.WriteLineAsync(
                $"Read {result.RowsRead} row(s): {result.Added} pupil(s) added, {result.Updated} updated, {result.Unchanged} unchanged.");
            return 0;
        }, ct));
        return command;
    }

    public static Command Attendance(Option<string?> database, TextWriter output, TextWriter error)
    {
        // Strings, checked below, so every bad value gets the same one-line error and exit code 2.
        var from = new Option<string?>("--from") { Description = "First day of the range, yyyy-mm-dd or dd/mm/yyyy (required)" };
        var to = new Option<string?>("--to") { Description = "Last day of the range, inclusive (required)" };
        var school = new Option<string?>("--school") { Description = "Only marks recorded by the school with this URN" };
        var by = new Option<string?>("--by") { Description = "pupil (default), school or la" };
        var format = new Option<string?>("--format") { Description = "csv (default) or json" };
        var stats = new Command("stats",
            "Attendance statistics for a date range, as DfE defines them.\n" +
            "Possible sessions are present (/ \\ L), approved educational activity (K V P W B, and J before 19 Aug 2024)\n" +
            "and authorised and unauthorised absence; not-counted codes (X Q Y1-Y7 D Z # and Y) are left out.\n" +
            "Rates are percentages of possible sessions, rounded half away from zero to 2 decimals.\n" +
            "--by pupil: one row per pupil with a possible session in the range, whatever their age, sorted by UPN;\n" +
            "  persistent_absent is true at 10% or more absence of the pupil's own possible sessions, severely_absent at 50%.\n" +
            "--by school | la: DfE's cohort rules. An enrolment is a pupil at a school in an academic year with possible\n" +
            "  sessions in the range; only pupils aged 5 to 15 on the 31 August before that year count (4-year-olds and\n" +
            "  16-year-olds appear by pupil only). Persistent and severe absence are counted per enrolment on its own\n" +
            "  possible sessions; their rates are percentages of enrolments. key is the URN, or the school's LA number.\n" +
            "A range may span academic years. Bad or missing dates, --to before --from, an unknown URN or an unknown\n" +
            "--by or --format value: a one-line error and exit code 2.")
        {
            from, to, school, by, format,
        };
        stats.SetAction(async (r, ct) =>
        {
            if (Problem(r.GetValue(from), r.GetValue(to), r.GetValue(school), r.GetValue(by), r.GetValue(format), out var query) is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}");
                return 2;
            }

            return await WaymarkCli.WithApp(WaymarkCli.Resolve(r.GetValue(database)), error,
                app => StatsAsync(app.Services, query, output, error, ct), ct);
        });

        return new Command("attendance", "Attendance marks, statistics and alerts") { stats };
    }

    private sealed record StatsQuery(DateOnly From, DateOnly To, int? SchoolUrn, string By, bool Json);

    private static string? Problem(string? fromText, string? toText, string? schoolText, string? byText, string? formatText, out StatsQuery query)
    {
        query = null!;
        if (fromText is null)
        {
            return "--from: give the first day of the range (yyyy-mm-dd)";
        }

        if (!DateText.TryParse(fromText, out var from))
        {
            return $"--from: '{fromText}' is not a date ({DateText.Expected})";
        }

        if (toText is null)
        {
            return "--to: give the last day of the range (yyyy-mm-dd)";
        }

        if (!DateText.TryParse(toText, out var to))
        {
            return $"--to: '{toText}' is not a date ({DateText.Expected})";
        }

        if (to < from)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--to: {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        }

        int? urn = null;
        if (schoolText is not null)
        {
            if (schoolText.Length != 6 || !schoolText.All(char.IsAsciiDigit) ||
                !int.TryParse(schoolText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || !Domain.Identifiers.Urn.IsValid(parsed))
            {
                return $"--school: '{schoolText}' is not a 6-digit URN";
            }

            urn = parsed;
        }

        var by = (byText ?? "pupil").Trim().ToLowerInvariant();
        if (by is not ("pupil" or "school" or "la"))
        {
            return $"--by: '{byText}' is not one of pupil, school, la";
        }

        var format = (formatText ?? "csv").Trim().ToLowerInvariant();
        if (format is not ("csv" or "json"))
        {
            return $"--format: '{formatText}' is not one of csv, json";
        }

        query = new StatsQuery(from, to, urn, by, format == "json");
        return null;
    }

    private static async Task<int> StatsAsync(IServiceProvider services, StatsQuery query, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        int? schoolId = null;
        if (query.SchoolUrn is { } urn)
        {
            schoolId = await db.Schools.Where(s => s.Urn == urn).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
            if (schoolId is null)
            {
                await error.WriteLineAsync($"error: --school: there is no school with URN {urn}");
                return 2;
            }
        }

        var statistics = ActivatorUtilities.CreateInstance<AttendanceStatistics>(scope.ServiceProvider);
        var figures = schoolId is { } id
            ? await statistics.ComputeAsync(query.From, query.To, y => y.SchoolId == id, ct)
            : await statistics.ComputeAsync(query.From, query.To, ct: ct);

        if (query.By == "pupil")
        {
            await scope.ServiceProvider.GetRequiredService<Auditing.Auditor>().RecordNowAsync(AuditActions.AttendanceStatisticsProduced,
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"{figures.Pupils.Count} pupils, {query.From:yyyy-MM-dd} to {query.To:yyyy-MM-dd}{(query.SchoolUrn is { } u ? $", URN {u}" : "")} (command line)"),
                ct: ct);
            await WriteAsync(output, query.Json, PupilHeader, figures.Pupils, PupilFields);
        }
        else
        {
            await WriteAsync(output, query.Json, GroupHeader, query.By == "school" ? figures.Schools : figures.LocalAuthorities, GroupFields);
        }

        return 0;
    }

    /// <summary>A value of a row: text, whole number, rate or flag, written the same way in CSV and JSON.</summary>
    private readonly record struct Field(string? Text = null, long? Number = null, decimal? Rate = null, bool? Flag = null);

    private static IEnumerable<Field> PupilFields(PupilAttendance p) =>
    [
        new(Text: p.Upn ?? ""), .. SessionFields(p.Sessions),
        new(Rate: p.Sessions.AttendanceRate), new(Rate: p.Sessions.OverallAbsenceRate),
        new(Flag: p.IsPersistentlyAbsent), new(Flag: p.IsSeverelyAbsent),
    ];

    private static IEnumerable<Field> GroupFields(GroupAttendance g) =>
    [
        new(Number: g.Key), new(Number: g.Figures.Enrolments), .. SessionFields(g.Figures.Sessions),
        new(Rate: g.Figures.AttendanceRate), new(Rate: g.Figures.OverallAbsenceRate),
        new(Rate: g.Figures.PersistentAbsenceRate), new(Rate: g.Figures.SevereAbsenceRate),
    ];

    private static Field[] SessionFields(SessionCounts s) =>
    [
        new(Number: s.Possible), new(Number: s.Present), new(Number: s.ApprovedEducationalActivity),
        new(Number: s.Authorised), new(Number: s.Unauthorised), new(Number: s.NotCounted),
    ];

    private static async Task WriteAsync<T>(TextWriter output, bool json, string header, IReadOnlyList<T> rows, Func<T, IEnumerable<Field>> fields)
    {
        var names = header.Split(',');
        var text = new StringBuilder(64 * 1024);
        if (json)
        {
            text.Append('[');
        }
        else
        {
            text.Append(header).Append('\n');
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (json)
            {
                text.Append(i == 0 ? "\n  {" : ",\n  {");
            }

            var column = 0;
            foreach (var field in fields(rows[i]))
            {
                if (column > 0)
                {
                    text.Append(json ? ", " : ",");
                }

                if (json)
                {
                    text.Append('"').Append(names[column]).Append("\": ");
                }

                Append(text, field, json);
                column++;
            }

            text.Append(json ? "}" : "\n");

            // Written in chunks, so a whole LA's pupils stream out instead of building one huge string.
            if (text.Length > 60 * 1024)
            {
                await output.WriteAsync(text.ToString());
                text.Clear();
            }
        }

        if (json)
        {
            text.Append(rows.Count == 0 ? "]\n" : "\n]\n");
        }

        await output.WriteAsync(text.ToString());
        await output.FlushAsync();
    }

    private static void Append(StringBuilder text, Field field, bool json)
    {
        if (field.Text is { } value)
        {
            // UPNs and keys are letters and digits; encoding anyway keeps the JSON valid whatever is stored.
            text.Append(json ? JsonSerializer.Serialize(value) : value);
        }
        else if (field.Number is { } number)
        {
            text.Append(number.ToString(CultureInfo.InvariantCulture));
        }
        else if (field.Flag is { } flag)
        {
            text.Append(flag ? "true" : "false");
        }
        else if (field.Rate is { } rate)
        {
            text.Append(rate.ToString("0.00", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append(json ? "null" : "");
        }
    }
}
