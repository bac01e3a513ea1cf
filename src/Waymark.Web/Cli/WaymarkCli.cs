using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Accounts;
using Waymark.Web.Hosting;
using Waymark.Web.Imports;

namespace Waymark.Web.Cli;

/// <summary>
/// The `waymark` command line. Other tools script against these verbs and options, so their names
/// are a contract: add to them, never rename.
/// </summary>
public static class WaymarkCli
{
    public const string DatabaseVariable = "WAYMARK_DATABASE";

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, TextReader? stdin = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        var input = stdin ?? Console.In;

        var database = new Option<string?>("--database")
        {
            Description = $"Where the data lives: sqlite:PATH or a PostgreSQL connection string. Also {DatabaseVariable}. Default: a SQLite file under ./data/ with demo data.",
            Recursive = true,
        };

        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://localhost:5000 (separate several with ;)" };
        var serve = new Command("serve", "Run the Waymark web application (the default)") { urls };
        serve.SetAction((r, ct) => ServeAsync(Resolve(r.GetValue(database)), r.GetValue(urls), output, ct));

        var migrate = new Command("migrate", "Create or upgrade the database schema");
        migrate.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error, async app =>
        {
            await output.WriteLineAsync($"Database schema is up to date ({app.Services.GetRequiredService<DatabaseLocation>().Describe()}).");
            return 0;
        }, ct));
        var db = new Command("db", "Database tasks") { migrate };

        var pupils = new Option<int>("--pupils") { Description = "How many pupils to generate", DefaultValueFactory = _ => 6000 };
        pupils.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 5_000_000)
            {
                r.AddError("--pupils must be between 1 and 5,000,000");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same data", DefaultValueFactory = _ => 1 };
        var demoSeed = new Command("seed", "Fill an empty database with a fictional local authority") { pupils, seed };
        demoSeed.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error,
            app => SeedDemoAsync(app.Services, r.GetValue(pupils), r.GetValue(seed), output, error, ct), ct));
        var demo = new Command("demo", "Demonstration data") { demoSeed };

        var email = new Option<string>("--email") { Description = "The user's email address, used to sign in", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", Roles.All.Select(Roles.CommandName)), Required = true };
        var school = new Option<int?>("--school") { Description = "URN of the user's school (school roles only)" };
        var name = new Option<string?>("--name") { Description = "The user's full name" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the initial password from standard input instead of generating one" };
        var userAdd = new Command("add", "Create a user account") { email, role, school, name, passwordStdin };
        userAdd.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error, async app =>
        {
            var roleName = r.GetValue(role)!;
            if (!Roles.TryParse(roleName, out var parsedRole))
            {
                await error.WriteLineAsync($"error: --role: '{roleName}' is not a role. Use one of: {string.Join(", ", Roles.All.Select(Roles.CommandName))}");
                return 2;
            }

            string password;
            var generated = !r.GetValue(passwordStdin);
            if (generated)
            {
                password = UserAccountService.GeneratePassword();
            }
            else
            {
                password = (await input.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
            }

            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccountService>();
            var result = await accounts.CreateAsync(new NewUser(r.GetValue(email), r.GetValue(name), parsedRole, r.GetValue(school), password), ct);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors)
                {
                    await error.WriteLineAsync($"error: {CliOptionFor(field)}: {message}");
                }

                return 1;
            }

            await scope.ServiceProvider.GetRequiredService<Auditing.Auditor>().RecordNowAsync(AuditActions.UserCreated,
                detail: $"{result.User!.Email} as {Roles.CommandName(parsedRole)} (command line)", ct: ct);
            await output.WriteLineAsync($"Created {Roles.DisplayName(parsedRole)} {result.User.Email}.");
            if (generated)
            {
                await output.WriteLineAsync($"Initial password (shown once): {password}");
            }

            return 0;
        }, ct));
        var user = new Command("user", "User accounts") { userAdd };

        var schoolsFile = new Argument<FileInfo>("FILE") { Description = "CSV with columns urn,la_code,establishment_number,name,phase,type" };
        var importSchools = new Command("schools",
            "Load or update schools from a short hand-made CSV file (all or nothing). For the register itself use `import gias`, " +
            "which also holds status, dates, address and predecessors.")
        {
            schoolsFile,
        };
        importSchools.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error, async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var importer = ActivatorUtilities.CreateInstance<SchoolImporter>(scope.ServiceProvider);
            var file = r.GetValue(schoolsFile)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"error: {file.FullName} does not exist");
                return 1;
            }

            await using var stream = file.OpenRead();
            var result = await importer.ImportAsync(stream, ct);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    await error.WriteLineAsync($"{file.Name}: {problem}");
                }

                await error.WriteLineAsync($"Nothing was imported: {result.Problems.Count} problem(s) in {result.RowsRead} row(s).");
                return 1;
            }

            await output.WriteLineAsync(
                $"Read {result.RowsRead} row(s): {result.Added} school(s) added, {result.Updated} updated, {result.Unchanged} unchanged.");
            return 0;
        }, ct));
        var attendanceFile = new Argument<FileInfo>("FILE")
        {
            Description = "CSV with columns upn,date,session,code and optionally urn (any order; session AM or PM; dates yyyy-mm-dd or dd/mm/yyyy; / and \\ both mean present)",
        };
        var attendanceUser = new Option<string?>("--user")
        {
            Description = "Email of the Waymark account the marks are loaded for, kept with every correction (default: the operating-system account running the command)",
        };
        var importAttendance = new Command("attendance",
            "Load register marks from a CSV file (all or nothing; corrections are kept in history), then bring the attendance worklist up to date for the pupils whose marks changed")
        {
            attendanceFile, attendanceUser,
        };
        importAttendance.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error,
            app => ImportAttendanceAsync(app.Services, r.GetValue(attendanceFile)!, r.GetValue(attendanceUser), output, error, showProgress: stdout is null, ct), ct));
        var import = new Command("import", "Import data files")
        {
            GiasCommands.ImportGias(database, output, error, showProgress: stdout is null), importSchools,
            AttendanceCommands.ImportPupils(database, output, error), importAttendance,
            CtfCommands.ImportCtf(database, output, error, showProgress: stdout is null),
            DfeAttendanceCommands.Import(database, output, error, showProgress: stdout is null),
        };

        var laCode = new Option<int>("--code") { Description = "The DfE 3-digit local authority number, e.g. 823", Required = true };
        var laName = new Option<string>("--name") { Description = "The council's name as staff know it", Required = true };
        var laSet = new Command("set", "Name the local authority this Waymark serves") { laCode, laName };
        laSet.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error, async app =>
        {
            var code = r.GetValue(laCode);
            var name = r.GetValue(laName)?.Trim();
            if (!Domain.Identifiers.LocalAuthorityCodes.IsLocalAuthorityNumber(code))
            {
                await error.WriteLineAsync($"error: --code: {code} is not a DfE local authority number");
                return 2;
            }

            if (string.IsNullOrEmpty(name) || name.Length > 200)
            {
                await error.WriteLineAsync("error: --name: give the council's name, 200 characters or fewer");
                return 2;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var dbContext = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var la = await dbContext.LocalAuthorities.SingleOrDefaultAsync(ct);
            if (la is null)
            {
                dbContext.LocalAuthorities.Add(new LocalAuthority { Code = code, Name = name });
            }
            else
            {
                la.Code = code;
                la.Name = name;
            }

            await dbContext.SaveChangesAsync(ct);
            await output.WriteLineAsync($"This Waymark serves {name} (LA {code}).");
            return 0;
        }, ct));
        var localAuthority = new Command("la", "The local authority") { laSet };

        var alertsDate = new Option<string?>("--date") { Description = "Recompute as of this day (yyyy-mm-dd or dd/mm/yyyy); default today" };
        var attendanceAlerts = new Command("alerts",
            "Recompute the attendance worklist from the marks: raise new alerts, clear those that no longer hold, and print the open alerts by kind")
        {
            alertsDate,
        };
        attendanceAlerts.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error,
            app => RecomputeAlertsAsync(app.Services, r.GetValue(alertsDate), output, error, ct), ct));
        var attendance = AttendanceCommands.Attendance(database, output, error);
        attendance.Subcommands.Add(attendanceAlerts);

        var benchPupils = new Option<int>("--pupils") { Description = "How many pupils to generate", DefaultValueFactory = _ => 50_000 };
        benchPupils.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 2_000_000)
            {
                r.AddError("--pupils must be between 1 and 2,000,000");
            }
        });
        var benchSeed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same marks", DefaultValueFactory = _ => 1 };
        var noCsv = new Option<bool>("--no-csv") { Description = "Load the year straight through the register instead of writing and importing the CSV (for the one-day figure at large N)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated files and the benchmark database" };
        var work = new Option<string?>("--work") { Description = "Folder for the generated files and SQLite database (default: the system temporary folder)" };
        var benchAttendance = new Command("attendance",
            "Time a year of marks for N pupils: generate the import CSV, import pupils and marks into a FRESH database " +
            "(a SQLite file in a temporary folder, or a new database on the PostgreSQL server given by --database), compute " +
            "pupil, school and LA statistics, apply one more school day; prints each step's time, marks per second and peak memory")
        {
            benchPupils, benchSeed, noCsv, keep, work,
        };
        benchAttendance.SetAction(async (r, ct) =>
        {
            var given = r.GetValue(database) ?? Environment.GetEnvironmentVariable(DatabaseVariable);
            var server = string.IsNullOrWhiteSpace(given) ? null : DatabaseLocation.Parse(given);
            var options = new Bench.BenchOptions(r.GetValue(benchPupils), r.GetValue(benchSeed), r.GetValue(noCsv), r.GetValue(keep), r.GetValue(work));
            return await new Bench.AttendanceBench(options, output).RunAsync(server?.Provider == DatabaseProvider.Postgres ? server : null, ct);
        });
        var bench = new Command("bench", "Benchmarks") { benchAttendance };

        var verify = new Command("verify",
            "Check the audit log's hash chain from its first entry to its last and report the first broken entry (exit 1), " +
            "or the head of an intact chain (exit 0). Keep the head it prints somewhere outside Waymark: a log cut short would end elsewhere.");
        verify.SetAction((r, ct) => WithApp(Resolve(r.GetValue(database)), error, app => VerifyAuditAsync(app.Services, output, error, ct), ct));
        var audit = new Command("audit", "The audit log") { verify };

        var root = new RootCommand("Waymark: vulnerable children's education transitions, attendance and plans, for local authorities and schools.")
        {
            database, urls, serve, db, demo, user, import, localAuthority, attendance, audit, bench,
            GovernanceCommands.SubjectAccess(database, output, error), GovernanceCommands.Retention(database, output, error),
            CommonTransferCommands.Export(database, output, error),
        };
        root.SetAction((r, ct) => ServeAsync(Resolve(r.GetValue(database)), r.GetValue(urls), output, ct));

        try
        {
            var parse = root.Parse(args);

            // Our own handler below: scripts get a one-line message and exit code, never a stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    internal static async Task<int> ImportAttendanceAsync(IServiceProvider services, FileInfo file, string? userEmail, TextWriter output, TextWriter error,
        bool showProgress, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"error: {file.FullName} does not exist");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        string? userId = null;
        var source = file.Name;
        if (userEmail is not null)
        {
            userId = await FindUserAsync(scope.ServiceProvider, userEmail, error, ct);
            if (userId is null)
            {
                return 2;
            }
        }
        else
        {
            // No Waymark account named: the history still says who ran the load.
            source = $"{file.Name} (run by {Environment.UserName} on {Environment.MachineName})";
        }

        var importer = ActivatorUtilities.CreateInstance<AttendanceImporter>(scope.ServiceProvider);
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var bar = showProgress ? ProgressBar.OnTerminal($"Reading {file.Name}") : null;
        var result = await importer.ImportAsync(stream, source, bar, new AttendanceImportOptions(userId), ct);
        bar?.Dispose();
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

            await error.WriteLineAsync($"Nothing was imported: {result.ProblemCount:N0} problem(s) in {result.RowsRead:N0} row(s).");
            return 1;
        }

        await output.WriteLineAsync(
            $"Read {result.RowsRead:N0} row(s): {result.New:N0} mark(s) new, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged.");
        if (result.Worklist is { } worklist)
        {
            await output.WriteLineAsync(
                $"Worklist brought up to date for {worklist.Pupils:N0} pupil record(s): {worklist.Raised:N0} alert(s) raised, {worklist.Cleared:N0} cleared, {worklist.Reopened:N0} reopened.");
        }

        return 0;
    }

    /// <summary>The id of the active account with <paramref name="email"/> (for --user), or null after saying there is none.</summary>
    internal static async Task<string?> FindUserAsync(IServiceProvider services, string email, TextWriter error, CancellationToken ct)
    {
        var dbContext = services.GetRequiredService<WaymarkDbContext>();
        var normalised = email.Trim().ToUpperInvariant();
        var userId = await dbContext.Users.Where(u => u.NormalizedEmail == normalised && u.IsActive).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (userId is null)
        {
            await error.WriteLineAsync($"error: --user: no active Waymark account has the email '{email.Trim()}'");
        }

        return userId;
    }

    private static string CliOptionFor(string field) => field switch
    {
        "Email" => "--email",
        "Role" => "--role",
        "School" => "--school",
        "Password" => "password",
        _ => field,
    };

    /// <summary>--database, then WAYMARK_DATABASE, then the embedded default under ./data/.</summary>
    public static DatabaseLocation Resolve(string? option)
    {
        var value = option ?? Environment.GetEnvironmentVariable(DatabaseVariable);
        return string.IsNullOrWhiteSpace(value)
            ? DatabaseLocation.Default(Directory.GetCurrentDirectory())
            : DatabaseLocation.Parse(value);
    }

    internal static async Task<int> WithApp(DatabaseLocation location, TextWriter error, Func<WebApplication, Task<int>> action, CancellationToken ct)
    {
        await using var app = WaymarkApp.Build(location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            await WaymarkApp.MigrateAsync(app.Services, ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            await error.WriteLineAsync($"error: cannot open {location.Describe()}: {ex.Message}");
            return 1;
        }

        return await action(app);
    }

    private static async Task<int> ServeAsync(DatabaseLocation location, string? urls, TextWriter output, CancellationToken ct)
    {
        await using var app = WaymarkApp.Build(location, urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        try
        {
            await WaymarkApp.MigrateAsync(app.Services, ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: cannot open {location.Describe()}: {ex.Message}");
            return 1;
        }

        if (location.IsDefault)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var dbContext = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            if (!await dbContext.LocalAuthorities.AnyAsync(ct) && !await dbContext.Children.AnyAsync(ct))
            {
                await output.WriteLineAsync("First run: creating a fictional local authority with demo data...");
                await SeedDemoAsync(app.Services, 6000, 1, output, output, ct, printAccounts: false);
            }
        }

        await app.StartAsync(ct);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        await output.WriteLineAsync($"Waymark is running on {location.Describe()}.");
        foreach (var address in addresses)
        {
            await output.WriteLineAsync($"Open {address} in your browser.");
        }

        await PrintDemoAccountsAsync(app.Services, output, ct);
        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, int pupils, int seed, TextWriter output, TextWriter error,
        CancellationToken ct, bool printAccounts = true)
    {
        await using var scope = services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var generator = scope.ServiceProvider.GetRequiredService<DemoDataGenerator>();
        var today = TimeProvider.System.UkToday();
        try
        {
            var progress = new Progress<string>(message => output.WriteLine(message));
            var result = await generator.SeedAsync(dbContext, new DemoSeedOptions(pupils, seed, today), progress, ct);
            await scope.ServiceProvider.GetRequiredService<Auditing.Auditor>().RecordNowAsync(AuditActions.DemoSeeded,
                detail: $"fictional demo data: {result.Schools} schools, {result.Children:N0} children, {result.Users} users (seed {seed})", ct: ct);
            await output.WriteLineAsync(
                $"Demo data: {result.Schools} schools, {result.Children:N0} children, {result.Users} users in {result.Elapsed.TotalSeconds:N1} s.");
            if (printAccounts)
            {
                await PrintDemoAccountsAsync(services, output, ct);
            }

            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RecomputeAlertsAsync(IServiceProvider services, string? date, TextWriter output, TextWriter error,
        CancellationToken ct)
    {
        var today = TimeProvider.System.UkToday();
        if (date is not null && !DateText.TryParse(date.Trim(), out today))
        {
            await error.WriteLineAsync($"error: --date: '{date}' is not a date ({DateText.Expected})");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<Waymark.Data.Attendance.AttendanceAlertEngine>();
        var result = await engine.RecomputeAsync(today, ct: ct);
        var changes = result.Changes;
        await scope.ServiceProvider.GetRequiredService<Auditing.Auditor>().RecordNowAsync(AuditActions.AttendanceAlertsRecomputed,
            detail: $"as of {today:yyyy-MM-dd} (command line): {changes.Raised} raised, {changes.Cleared} cleared, {changes.Reopened} reopened", ct: ct);
        await output.WriteLineAsync(
            $"Alerts as of {today:d MMMM yyyy}: {changes.Pupils:N0} pupil record(s) checked, {changes.Raised} raised, {changes.Cleared} cleared, {changes.Reopened} reopened in {result.Elapsed.TotalSeconds:N2} s.");
        await output.WriteLineAsync("Open alerts by kind:");
        foreach (var kind in Enum.GetValues<Domain.Attendance.AlertKind>())
        {
            await output.WriteLineAsync($"  {Domain.Attendance.Alerts.AlertHandling.DisplayName(kind),-45} {result.OpenByKind.GetValueOrDefault(kind),7:N0}");
        }

        await output.WriteLineAsync($"  {"Total",-45} {result.OpenByKind.Values.Sum(),7:N0}");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var result = await Waymark.Data.Auditing.AuditChain.VerifyAsync(dbContext, ct: ct);
        if (result.FirstBroken is { } broken)
        {
            var where = broken switch
            {
                { Id: null } => "its end",
                { Sequence: long s } => $"entry {s:N0} (id {broken.Id}, {broken.OccurredAtUtc:yyyy-MM-dd HH:mm:ss} UTC)",
                _ => $"an entry outside the chain (id {broken.Id}, {broken.OccurredAtUtc:yyyy-MM-dd HH:mm:ss} UTC)",
            };
            await error.WriteLineAsync($"The audit log is broken at {where}: {broken.Why}. The {result.Checked:N0} entries before it are intact.");
            return 1;
        }

        await scope.ServiceProvider.GetRequiredService<Auditing.Auditor>().RecordNowAsync(AuditActions.AuditVerified,
            detail: $"{result.Checked:N0} entries intact (command line)", ct: ct);
        await output.WriteLineAsync(result.HeadSequence is long head
            ? $"The audit log is intact: {result.Checked:N0} entries checked. Head: entry {head:N0}, hash {Convert.ToHexStringLower(result.HeadHash!)}."
            : "The audit log is empty.");
        return 0;
    }

    private static async Task PrintDemoAccountsAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        if (!await dbContext.LocalAuthorities.AnyAsync(l => l.IsDemo, ct))
        {
            return;
        }

        var accounts = await dbContext.Users.AsNoTracking().Include(u => u.School)
            .Where(u => u.IsActive && u.Email!.EndsWith("@" + DemoAccounts.EmailDomain))
            .OrderBy(u => u.Role).ToListAsync(ct);
        var twoFactor = services.GetRequiredService<Auth.TwoFactorSettings>();
        bool MustSetUp(WaymarkUser u) => !u.TwoFactorEnabled && (u.TwoFactorEnrolmentRequired || twoFactor.RequiredForRole(u.Role));
        await output.WriteLineAsync("");
        await output.WriteLineAsync($"Demo accounts (fictional data; every password is {DemoAccounts.Password}):");
        foreach (var account in accounts)
        {
            var marks = MustSetUp(account) ? " *" : account.TwoFactorEnabled ? " (with the code from your authenticator app)" : "";
            await output.WriteLineAsync($"  {account.Email,-45} {Roles.DisplayName(account.Role)}{(account.School is null ? "" : ", " + account.School.Name)}{marks}");
        }

        if (accounts.Any(MustSetUp))
        {
            await output.WriteLineAsync("");
            await output.WriteLineAsync("  * Two-factor authentication is required: the first sign-in asks you to scan a QR code with an");
            await output.WriteLineAsync("    authenticator app on your phone (any TOTP app, such as Microsoft or Google Authenticator) and");
            await output.WriteLineAsync("    shows 10 recovery codes; every later sign-in asks for the app's 6-digit code after the password.");
        }

        await output.WriteLineAsync("");
    }
}
