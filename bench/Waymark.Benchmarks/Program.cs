using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using Waymark.Domain.Attendance;

// DuckDB on the CSV that `waymark bench attendance --keep` writes: load it, then the same pupil, school and LA
// figures the Waymark statistics step computes (DfE categories from the one code list; school and LA figures
// for pupils aged 5 to 15 on 31 August 2025 with a possible session). Prints times and the peak working set.
// With --direct the per-pupil figures are aggregated straight from the CSV, with no marks table (DuckDB's quickest path).
var direct = args.Contains("--direct");
args = args.Where(a => a != "--direct").ToArray();
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Waymark.Benchmarks [--direct] FOLDER   (the folder kept by `waymark bench attendance --keep`, holding attendance.csv and pupils.csv)");
    return 2;
}

var marksCsv = Path.GetFullPath(Path.Combine(args[0], "attendance.csv"));
var pupilsCsv = Path.GetFullPath(Path.Combine(args[0], "pupils.csv"));
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant,
    $"DuckDB {typeof(DuckDBConnection).Assembly.GetName().Version} on {marksCsv} ({new FileInfo(marksCsv).Length / 1048576.0:N0} MB); " +
    $"{Environment.ProcessorCount} logical CPU(s), {RuntimeInformation.OSDescription}."));

using var connection = new DuckDBConnection("Data Source=:memory:");
connection.Open();

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

var total = Stopwatch.StartNew();
var codes = new StringBuilder("CREATE TABLE codes AS SELECT * FROM (VALUES ");
codes.AppendJoin(", ", AttendanceCodes.All.Select(c => $"('{c.Code}', '{c.Category}')").Append("('\\', 'Present')"));
codes.Append(") AS t(code, category)");
Execute(codes.ToString());

var step = Stopwatch.StartNew();
var readMarks = $$"""
    read_csv('{{marksCsv}}', header = true, quote = '', escape = '',
        columns = {'upn': 'VARCHAR', 'date': 'DATE', 'session': 'VARCHAR', 'code': 'VARCHAR', 'urn': 'INTEGER'})
    """;
Execute(direct ? $"CREATE VIEW marks AS SELECT * FROM {readMarks}" : $"CREATE TABLE marks AS SELECT * FROM {readMarks}");
Execute($$"""
    CREATE TABLE pupils AS SELECT * FROM read_csv('{{pupilsCsv}}', header = true,
        columns = {'upn': 'VARCHAR', 'forename': 'VARCHAR', 'surname': 'VARCHAR', 'dob': 'DATE', 'sex': 'VARCHAR', 'urn': 'INTEGER', 'entry_date': 'DATE'})
    """);
Report(direct ? "Load pupils CSV (marks read below)" : "Load CSV", step.Elapsed);

step.Restart();
Execute("""
    CREATE TABLE pupil_stats AS
    SELECT m.upn, m.urn,
        count(*) FILTER (WHERE c.category = 'Present') AS present,
        count(*) FILTER (WHERE c.category = 'ApprovedEducationalActivity') AS aea,
        count(*) FILTER (WHERE c.category = 'AuthorisedAbsence') AS authorised,
        count(*) FILTER (WHERE c.category = 'UnauthorisedAbsence') AS unauthorised,
        count(*) FILTER (WHERE c.category = 'NotCounted') AS not_counted
    FROM marks m JOIN codes c ON c.code = upper(m.code)
    GROUP BY m.upn, m.urn
    """);
Execute("""
    CREATE TABLE pupil_rates AS
    SELECT *, present + aea + authorised + unauthorised AS possible,
        round(100.0 * (present + aea) / nullif(present + aea + authorised + unauthorised, 0), 2) AS attendance_rate,
        round(100.0 * (authorised + unauthorised) / nullif(present + aea + authorised + unauthorised, 0), 2) AS overall_absence_rate,
        (authorised + unauthorised) * 10 >= present + aea + authorised + unauthorised AND present + aea + authorised + unauthorised > 0 AS persistent_absent,
        (authorised + unauthorised) * 2 >= present + aea + authorised + unauthorised AND present + aea + authorised + unauthorised > 0 AS severely_absent
    FROM pupil_stats
    """);
Execute("""
    CREATE TABLE school_stats AS
    SELECT r.urn AS key, count(*) AS enrolments, sum(r.possible) AS possible, sum(r.present + r.aea) AS attended,
        sum(r.authorised + r.unauthorised) AS absent, count(*) FILTER (WHERE r.persistent_absent) AS persistent,
        count(*) FILTER (WHERE r.severely_absent) AS severe
    FROM pupil_rates r JOIN pupils p ON p.upn = r.upn
    WHERE r.possible > 0 AND date_sub('year', p.dob, DATE '2025-08-31') BETWEEN 5 AND 15
    GROUP BY r.urn
    """);
Report("Statistics (pupil, school, LA)", step.Elapsed);

using (var command = connection.CreateCommand())
{
    command.CommandText = """
        SELECT (SELECT count(*) FROM pupil_rates), (SELECT count(*) FROM pupil_rates WHERE persistent_absent), count(*),
            sum(enrolments)::BIGINT, sum(possible)::BIGINT,
            round(100.0 * sum(attended) / sum(possible), 2)::DOUBLE, round(100.0 * sum(absent) / sum(possible), 2)::DOUBLE,
            round(100.0 * sum(persistent) / sum(enrolments), 2)::DOUBLE, round(100.0 * sum(severe) / sum(enrolments), 2)::DOUBLE,
            (SELECT sum(present + aea + authorised + unauthorised + not_counted) FROM pupil_stats)::BIGINT
        FROM school_stats
        """;
    using var reader = command.ExecuteReader();
    reader.Read();
    Console.WriteLine(string.Create(invariant,
        $"  {reader.GetInt64(9):N0} marks; {reader.GetInt64(0):N0} pupils ({reader.GetInt64(1):N0} persistently absent); {reader.GetInt64(2)} schools; " +
        $"LA: {reader.GetInt64(3):N0} enrolments aged 5-15, {reader.GetInt64(4):N0} possible sessions, attendance {reader.GetDouble(5):N2}%, " +
        $"absence {reader.GetDouble(6):N2}%, persistent absence {reader.GetDouble(7):N2}%, severe {reader.GetDouble(8):N2}%"));
}

Report("Total (load + statistics)", total.Elapsed);
using var process = Process.GetCurrentProcess();
process.Refresh();
Console.WriteLine(string.Create(invariant, $"Peak working set: {process.PeakWorkingSet64 / 1048576.0:N0} MB (DuckDB runs in-process)."));
return 0;

void Report(string name, TimeSpan elapsed)
{
    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(invariant,
        $"{name,-36} {elapsed.TotalSeconds,7:N2} s (CPU so far {process.TotalProcessorTime.TotalSeconds,6:N2} s)  peak so far {process.PeakWorkingSet64 / 1048576.0:N0} MB"));
}
