using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Web.Hosting;
using Waymark.Web.Imports;

namespace Waymark.Web.Bench;

internal sealed record BenchOptions(int Pupils, int Seed, bool NoCsv, bool Keep, string? WorkFolder);

/// <summary>
/// `waymark bench attendance --pupils N`: writes a realistic year of marks for N pupils as the import CSV, loads
/// pupils and marks into a fresh database (a SQLite file in a temporary folder, or a new database on the PostgreSQL
/// server named by --database), computes pupil, school and LA statistics, applies one more school day for every
/// pupil, and prints each step's time, marks per second and the process's peak memory.
/// </summary>
internal sealed class AttendanceBench(BenchOptions options, TextWriter output)
{
    private const int PupilsPerSave = 10_000;
    private const int PupilsPerBatch = 25_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync(DatabaseLocation? server, CancellationToken ct)
    {
        // Always a new folder of our own, even inside --work, since it is deleted afterwards.
        var folder = Path.Combine(options.WorkFolder ?? Path.GetTempPath(), "waymark-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var postgresName = server?.Provider == DatabaseProvider.Postgres ? "waymark_bench_" + Guid.NewGuid().ToString("N")[..10] : null;
        try
        {
            return await RunInAsync(folder, server, postgresName, ct);
        }
        finally
        {
            if (!options.Keep)
            {
                await CleanUpAsync(folder, server, postgresName);
            }
            else
            {
                await output.WriteLineAsync($"Kept {folder}{(postgresName is null ? "" : $" and PostgreSQL database {postgresName}")}.");
            }
        }
    }

    private async Task<int> RunInAsync(string folder, DatabaseLocation? server, string? postgresName, CancellationToken ct)
    {
        var world = BenchWorld.Create(options.Pupils, options.Seed);
        var calendar = world.Calendar;
        long marksInFile = (long)world.Pupils.Count * calendar.DaysInFile * 2;
        await output.WriteLineAsync(string.Create(Invariant,
            $"Waymark attendance benchmark: {world.Pupils.Count:N0} pupils in {world.Schools.Count:N0} schools, {BenchWorld.Year}, " +
            $"{calendar.DaysInFile} school days ({marksInFile:N0} marks) in the file and one more applied alone."));
        await output.WriteLineAsync(string.Create(Invariant,
            $"Machine: {Environment.ProcessorCount} logical CPU(s), {RuntimeInformation.OSDescription}, .NET {Environment.Version}."));

        var pupilsCsv = Path.Combine(folder, "pupils.csv");
        var marksCsv = Path.Combine(folder, "attendance.csv");
        var lastDay = new (AttendanceCode Am, AttendanceCode Pm)[world.Pupils.Count];
        await StepAsync(options.NoCsv ? "Generate marks (no CSV)" : "Generate CSV", () =>
        {
            WriteFiles(world, options.NoCsv ? null : marksCsv, pupilsCsv, lastDay);
            return Task.FromResult(options.NoCsv ? 0 : marksInFile);
        });
        if (!options.NoCsv)
        {
            await output.WriteLineAsync($"  {marksCsv} ({new FileInfo(marksCsv).Length / 1048576.0:N0} MB) and {pupilsCsv}");
        }

        DatabaseLocation location;
        if (postgresName is not null)
        {
            await using (var admin = new NpgsqlConnection(server!.ConnectionString))
            {
                await admin.OpenAsync(ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {postgresName}", admin);
                await create.ExecuteNonQueryAsync(ct);
            }

            location = DatabaseLocation.Parse(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = postgresName }.ConnectionString);
        }
        else
        {
            location = DatabaseLocation.Sqlite(Path.Combine(folder, "bench.db"));
        }

        await output.WriteLineAsync($"Database: a fresh {location.Describe()}");
        // EF logs the missing migrations table of a fresh PostgreSQL database as an error; it is expected here.
        await using var app = WaymarkApp.Build(location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        await StepAsync("Create database", async () =>
        {
            await WaymarkApp.MigrateAsync(app.Services, ct);
            return 0L;
        });

        var (children, schoolIds) = await StepAsync("Import pupils", async () =>
        {
            var loaded = await LoadPupilsAsync(app.Services, world, ct);
            return (loaded, (long)0);
        });

        if (options.NoCsv)
        {
            await StepAsync("Load year through the register", async () => await LoadYearAsync(app.Services, world, children, schoolIds, ct));
        }
        else
        {
            var failed = false;
            await StepAsync("Import marks (import attendance)", async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var importer = ActivatorUtilities.CreateInstance<AttendanceImporter>(scope.ServiceProvider);
                await using var stream = new FileStream(marksCsv, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                // The worklist is timed as its own step below, as of the evening before the last day.
                var result = await importer.ImportAsync(stream, Path.GetFileName(marksCsv), null, new AttendanceImportOptions(RecomputeWorklist: false), ct);
                if (!result.Succeeded)
                {
                    failed = true;
                    foreach (var problem in result.Problems.Take(10))
                    {
                        await output.WriteLineAsync($"  {problem}");
                    }

                    return 0;
                }

                return result.New;
            });
            if (failed)
            {
                return 1;
            }
        }

        var figures = await StepAsync("Statistics (pupil, school, LA)", async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await BenchStatistics.ComputeAsync(scope.ServiceProvider.GetRequiredService<AttendanceStatistics>(), BenchWorld.Year, ct);
            return (result, result.Marks);
        });
        await output.WriteLineAsync(string.Create(Invariant,
            $"  {figures.Pupils:N0} pupils ({figures.PupilsPersistentlyAbsent:N0} persistently absent); {figures.Schools} schools; " +
            $"LA: {figures.La.Enrolments:N0} enrolments aged 5-15, {figures.La.Sessions.Possible:N0} possible sessions, attendance {figures.La.AttendanceRate:N2}%, " +
            $"absence {figures.La.OverallAbsenceRate:N2}%, persistent absence {figures.La.PersistentAbsenceRate:N2}%, severe {figures.La.SevereAbsenceRate:N2}%"));

        // The worklist as it stood the evening before, so the timed recompute below is the daily one: only changes are written.
        var firstAlerts = await StepAsync("Alerts, first run (the year's worklist)", async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<AttendanceAlertEngine>();
            var result = await engine.RecomputeAsync(calendar.LastDay.AddDays(-1), ct: ct);
            return (result, 0L);
        });
        await output.WriteLineAsync(string.Create(Invariant,
            $"  {firstAlerts.Changes.Raised:N0} raised, {firstAlerts.Changes.Cleared:N0} cleared, {firstAlerts.Changes.Reopened:N0} reopened; {firstAlerts.OpenByKind.Values.Sum():N0} open"));

        // The day's marks are made before the clock starts: the step times the register, not the generator.
        var day = new MarkBatch();
        for (var i = 0; i < world.Pupils.Count; i++)
        {
            var pupil = world.Pupils[i];
            day.Add(children[i], schoolIds[pupil.School.Index], calendar.LastDay, Session.AM, lastDay[i].Am);
            day.Add(children[i], schoolIds[pupil.School.Index], calendar.LastDay, Session.PM, lastDay[i].Pm);
        }

        var applied = await StepAsync(string.Create(Invariant, $"Apply one school day ({calendar.LastDay:d MMM yyyy})"), async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var register = scope.ServiceProvider.GetRequiredService<AttendanceRegister>();
            var result = await register.ApplyAsync(day, "bench one day", userId: null, ct);
            return (result, result.Marks);
        });
        await output.WriteLineAsync(string.Create(Invariant,
            $"  {applied.New:N0} new, {applied.Changed:N0} changed, {applied.Unchanged:N0} unchanged; {applied.RegistersUpdated:N0} registers rewritten"));


        var dayAlerts = await StepAsync("Recompute alerts after the day", async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<AttendanceAlertEngine>();
            var result = await engine.RecomputeAsync(calendar.LastDay, ct: ct);
            return (result, 0L);
        });
        await output.WriteLineAsync(string.Create(Invariant,
            $"  {dayAlerts.Changes.Raised:N0} raised, {dayAlerts.Changes.Cleared:N0} cleared, {dayAlerts.Changes.Reopened:N0} reopened; {dayAlerts.OpenByKind.Values.Sum():N0} open"));

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        await output.WriteLineAsync(string.Create(Invariant,
            $"Peak working set: {process.PeakWorkingSet64 / 1048576.0:N0} MB (whole process, all steps); GC heap now {GC.GetTotalMemory(false) / 1048576.0:N0} MB."));
        return 0;
    }

    private async Task<T> StepAsync<T>(string name, Func<Task<(T Value, long Marks)>> action)
    {
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        var (value, marks) = await action();
        clock.Stop();
        await ReportAsync(name, clock.Elapsed, CpuTime() - cpu, marks);
        return value;
    }

    private async Task StepAsync(string name, Func<Task<long>> action)
    {
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        var marks = await action();
        clock.Stop();
        await ReportAsync(name, clock.Elapsed, CpuTime() - cpu, marks);
    }

    // CPU time as well as wall time: on a shared machine the wall clock also measures the neighbours.
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private async Task ReportAsync(string name, TimeSpan elapsed, TimeSpan cpu, long marks)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rate = marks > 0 && elapsed.TotalSeconds > 0 ? string.Create(Invariant, $"{marks:N0} marks, {marks / elapsed.TotalSeconds:N0}/s") : "";
        await output.WriteLineAsync(string.Create(Invariant,
            $"{name,-36} {elapsed.TotalSeconds,7:N2} s (CPU {cpu.TotalSeconds,6:N2} s)  {rate,-36} peak so far {process.PeakWorkingSet64 / 1048576.0:N0} MB"));
    }

    /// <summary>
    /// The marks CSV in the import's own format (upn,date,session,code,urn; present as / in the morning and \ in the
    /// afternoon, as registers print it) and the pupils CSV in `import pupils` form, for DuckDB and for reruns.
    /// </summary>
    private static void WriteFiles(BenchWorld world, string? marksPath, string pupilsPath, (AttendanceCode Am, AttendanceCode Pm)[] lastDay)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using (var pupils = new StreamWriter(pupilsPath, false, utf8, 1 << 16))
        {
            pupils.Write("upn,forename,surname,dob,sex,urn,entry_date\n");
            foreach (var p in world.Pupils)
            {
                pupils.Write(string.Create(Invariant,
                    $"{p.Upn},{p.Forename},{p.Surname},{p.DateOfBirth:yyyy-MM-dd},{(p.Index % 2 == 0 ? "F" : "M")},{p.School.Urn},{BenchWorld.Year.Start:yyyy-MM-dd}\n"));
            }
        }

        var days = world.Calendar.Days.Select(d => d.ToString("yyyy-MM-dd", Invariant)).ToArray();
        var urns = world.Schools.Select(s => "," + s.Urn.ToString(Invariant) + "\n").ToArray();
        using var marks = marksPath is null ? null : new StreamWriter(new FileStream(marksPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20), utf8, 1 << 20);
        marks?.Write("upn,date,session,code,urn\n");
        foreach (var pupil in world.Pupils)
        {
            var year = world.MarksFor(pupil);
            lastDay[pupil.Index] = (year[^2], year[^1]);
            if (marks is null)
            {
                continue;
            }

            var urn = urns[pupil.School.Index];
            for (var d = 0; d < world.Calendar.DaysInFile; d++)
            {
                for (var s = 0; s < 2; s++)
                {
                    var session = (Session)s;
                    marks.Write(pupil.Upn);
                    marks.Write(',');
                    marks.Write(days[d]);
                    marks.Write(session == Session.AM ? ",AM," : ",PM,");
                    marks.Write(year[(2 * d) + s].ShownFor(session));
                    marks.Write(urn);
                }
            }
        }
    }

    /// <summary>Schools, then children with their enrolment, saved a few thousand at a time without change tracking.</summary>
    private static async Task<(Guid[] Children, int[] SchoolIds)> LoadPupilsAsync(IServiceProvider services, BenchWorld world, CancellationToken ct)
    {
        var schoolIds = new int[world.Schools.Count];
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var entities = world.Schools.Select(s => new School
            {
                Urn = s.Urn, LaCode = BenchWorld.LaCode, EstablishmentNumber = s.EstablishmentNumber, Name = s.Name, Phase = s.Phase,
                Type = s.Phase == Domain.Schools.SchoolPhase.Secondary ? "Academy converter" : "Community school",
            }).ToList();
            db.Schools.AddRange(entities);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < entities.Count; i++)
            {
                schoolIds[i] = entities[i].Id;
            }
        }

        var children = new Guid[world.Pupils.Count];
        var now = DateTime.UtcNow;
        await using var rows = services.CreateAsyncScope();
        var bulk = rows.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        await bulk.Database.OpenConnectionAsync(ct);
        await using var transaction = await bulk.Database.BeginTransactionAsync(ct);
        for (var start = 0; start < world.Pupils.Count; start += PupilsPerSave)
        {
            var chunk = new List<Child>(PupilsPerSave);
            var enrolments = new List<Enrolment>(PupilsPerSave);
            foreach (var pupil in world.Pupils.Skip(start).Take(PupilsPerSave))
            {
                var child = new Child
                {
                    Id = Guid.CreateVersion7(), Upn = pupil.Upn, LegalForename = pupil.Forename, LegalSurname = pupil.Surname,
                    DateOfBirth = pupil.DateOfBirth, Sex = pupil.Index % 2 == 0 ? Sex.Female : Sex.Male, CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                child.RefreshSearchName();
                chunk.Add(child);
                enrolments.Add(new Enrolment { ChildId = child.Id, SchoolId = schoolIds[pupil.School.Index], StartDate = BenchWorld.Year.Start, Type = EnrolmentType.Single });
                children[pupil.Index] = child.Id;
            }

            await BulkInsert.InsertAsync(bulk, chunk, ct);
            await BulkInsert.InsertAsync(bulk, enrolments, ct);
        }

        await transaction.CommitAsync(ct);
        return (children, schoolIds);
    }

    /// <summary>For --no-csv: the year's marks go straight to the register a batch of pupils at a time.</summary>
    private static async Task<long> LoadYearAsync(IServiceProvider services, BenchWorld world, Guid[] children, int[] schoolIds, CancellationToken ct)
    {
        long marks = 0;
        var days = world.Calendar.Days;
        for (var start = 0; start < world.Pupils.Count; start += PupilsPerBatch)
        {
            var batch = new MarkBatch();
            foreach (var pupil in world.Pupils.Skip(start).Take(PupilsPerBatch))
            {
                var year = world.MarksFor(pupil);
                for (var d = 0; d < world.Calendar.DaysInFile; d++)
                {
                    batch.Add(children[pupil.Index], schoolIds[pupil.School.Index], days[d], Session.AM, year[2 * d]);
                    batch.Add(children[pupil.Index], schoolIds[pupil.School.Index], days[d], Session.PM, year[(2 * d) + 1]);
                }
            }

            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AttendanceRegister>().ApplyAsync(batch, "bench load year", userId: null, ct);
            marks += result.New;
        }

        return marks;
    }

    private static async Task CleanUpAsync(string folder, DatabaseLocation? server, string? postgresName)
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var admin = new NpgsqlConnection(server!.ConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // Leaving a scratch database behind is not worth failing the run for.
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
