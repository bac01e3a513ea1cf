using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Demo;

/// <summary>
/// Fills an empty database with the fictional Eastmoor Council: its schools, children, statuses,
/// key people and one sign-in per role. The same seed and date always give the same children.
/// Everything is invented; see <see cref="DemoAccounts"/>.
/// </summary>
public sealed class DemoDataGenerator(IPasswordHasher<WaymarkUser> passwordHasher)
{
    public const int LaCode = 823;
    public const string LaName = "Eastmoor Council";

    /// <summary>Children written per SaveChanges; keeps memory flat however many pupils are asked for.</summary>
    private const int BatchSize = 5000;

    public async Task<DemoSeedResult> SeedAsync(
        WaymarkDbContext db,
        DemoSeedOptions options,
        IProgress<string>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Pupils);

        var stopwatch = Stopwatch.StartNew();
        var today = options.Today ?? DateOnly.FromDateTime(DateTime.Now);
        var stamp = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Fictional rows are nobody's change to a record: one audit entry says the demo was seeded, not one per row.
        var capture = db.SuppressChangeCapture;
        db.SuppressChangeCapture = true;
        var ownTransaction = db.Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await EnsureEmptyAsync(db, ct);

            // Independent random streams, so that (for example) a change to school names never
            // reshuffles the children.
            var schools = DemoSchools.Plan(options.Pupils, LaCode, AcademicYear.Containing(today), DemoRandom.Stream(options.Seed, 1));
            progress?.Report($"Creating {LaName} (LA {LaCode}) and {schools.All.Count} schools");
            db.LocalAuthorities.Add(new LocalAuthority { Code = LaCode, Name = LaName, IsDemo = true });
            db.Schools.AddRange(schools.All.Select(s => s.Entity));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var accounts = new List<DemoAccount>();
            var users = CreateUsers(schools, stamp, DemoRandom.Stream(options.Seed, 2), accounts);
            db.Users.AddRange(users);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report($"Created {users.Count} demo sign-ins");

            var plans = DemoChildPlanner.Plan(options.Pupils, schools, DemoRandom.Stream(options.Seed, 3));
            var withPlans = plans.Count(p => p.SocialCare != SocialCare.None);
            var earlyHelp = plans.Count(p => p.EarlyHelp);
            var contacts = DemoRandom.Stream(options.Seed, 4);
            var socialWorkers = DemoChildBuilder.Contacts(
                contacts, Math.Max(6, withPlans / 18), DemoChildBuilder.SocialCareOrganisation, "01632 960");
            var earlyHelpWorkers = DemoChildBuilder.Contacts(
                contacts, Math.Max(3, earlyHelp / 20), DemoChildBuilder.EarlyHelpOrganisation, "01632 961");

            var staff = new DemoStaff(
                users.Single(u => u.Email == Email("social.worker")).Id,
                users.Single(u => u.Email == Email("transition.lead")).Id,
                users.Single(u => u.Email == Email("senco")).Id);
            var upns = new DemoUpns([.. schools.All.Select(s => s.EstablishmentNumber)]);
            var builder = new DemoChildBuilder(
                DemoRandom.Stream(options.Seed, 5), schools, upns, LaCode, today, stamp, staff, socialWorkers, earlyHelpWorkers);

            var batch = new List<Child>(Math.Min(BatchSize, plans.Length));
            for (var i = 0; i < plans.Length; i++)
            {
                batch.Add(builder.Build(plans[i]));
                if (batch.Count == BatchSize || i == plans.Length - 1)
                {
                    ct.ThrowIfCancellationRequested();
                    db.Children.AddRange(batch);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    batch.Clear();
                    progress?.Report(string.Create(
                        CultureInfo.InvariantCulture, $"Children: {i + 1:N0} of {plans.Length:N0}"));
                }
            }

            // The transition programme reads back the few children it needs, so memory stays flat.
            await DemoTransitions.SeedAsync(db, schools, ProgrammeStaff(users), socialWorkers, today, options.Seed, progress, ct);
            await DemoAttendance.SeedAsync(db, today, options.Seed, progress, ct);
            await DemoSuspensions.SeedAsync(db, schools, ProgrammeStaff(users), today, options.Seed, progress, ct);
            await DemoReducedTimetables.SeedAsync(db, schools, today, options.Seed, progress, ct);
            var leadProfessional = users.Single(u => u.Email == Email("lead.professional"));
            await DemoEarlyHelp.SeedAsync(db, schools, new DemoPerson(leadProfessional.Id, leadProfessional.DisplayName), ProgrammeStaff(users).Senco,
                today, options.Seed, progress, ct);

            var pfaWorker = users.Single(u => u.Email == Email("pfa.worker"));
            await DemoAdulthood.SeedAsync(db, new DemoPerson(pfaWorker.Id, pfaWorker.DisplayName), today, stamp, ct);
            var senOfficer = users.Single(u => u.Email == Email("sen.officer"));
            await DemoSend.SeedAsync(db, schools, senOfficer.Id, today, progress, ct);

            await DemoKpiTargets.SeedAsync(db, ct);
            var officer = users.Single(u => u.Email == Email("officer"));
            await DemoLinkCalls.SeedAsync(db, schools, officer.Id, today, ct);

            await DemoQualityMark.SeedAsync(db, schools, ProgrammeStaff(users), today, stamp, ct);

            await DemoActionPlan.SeedAsync(db, today, ct);

            // The worklist as the daily recompute leaves it, once the demo marks are in.
            await new Attendance.AttendanceAlertEngine(db).RecomputeAsync(today, ct: ct);

            if (transaction is not null)
            {
                progress?.Report("Committing");
                await transaction.CommitAsync(ct);
            }

            stopwatch.Stop();
            progress?.Report(string.Create(
                CultureInfo.InvariantCulture, $"Demo data ready in {stopwatch.Elapsed.TotalSeconds:N1} s"));
            return new DemoSeedResult(schools.All.Count, plans.Length, users.Count, accounts, stopwatch.Elapsed);
        }
        finally
        {
            // Nothing half-written stays tracked, whether we committed or rolled back.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.SuppressChangeCapture = capture;
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static string Email(string localPart) => $"{localPart}@{DemoAccounts.EmailDomain}";

    private static DemoProgrammeStaff ProgrammeStaff(List<WaymarkUser> users)
    {
        DemoPerson Person(string localPart)
        {
            var user = users.Single(u => u.Email == Email(localPart));
            return new DemoPerson(user.Id, user.DisplayName);
        }

        return new DemoProgrammeStaff(
            Person("officer"), Person("advisory.teacher"), Person("social.worker"), Person("transition.lead"),
            Person("senco"), Person("headteacher"), Person("attendance.lead"), Person("secondary.transition.lead"));
    }

    /// <summary>Demo data never mixes with real data.</summary>
    private static async Task EnsureEmptyAsync(WaymarkDbContext db, CancellationToken ct)
    {
        if (await db.LocalAuthorities.AnyAsync(ct) || await db.Schools.AnyAsync(ct) || await db.Children.AnyAsync(ct))
        {
            throw new InvalidOperationException(
                "The database already holds a local authority, schools or children. Demo data is only loaded " +
                "into an empty database, so that it can never be mixed up with real records. " +
                "Use a new database for the demo.");
        }

        // Demo sign-ins share a published password, so they never sit beside a real account.
        var existing = await db.Users.Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new InvalidOperationException(
                $"The database already has a user ({existing}). Demo data, whose sign-ins share a published " +
                "password, is only loaded into an empty database.");
        }
    }

    private List<WaymarkUser> CreateUsers(DemoSchools schools, DateTime stamp, Bogus.Randomizer random, List<DemoAccount> accounts)
    {
        var users = new List<WaymarkUser>();
        foreach (var definition in DemoAccounts.Definitions)
        {
            var school = definition.Placement switch
            {
                DemoAccounts.Placement.FirstPrimary => schools.FirstPrimary.Entity,
                DemoAccounts.Placement.FirstSecondary => schools.FirstSecondary.Entity,
                _ => null,
            };
            var email = definition.Email;
            var user = new WaymarkUser
            {
                Id = random.NextGuid().ToString(),
                DisplayName = definition.DisplayName,
                Role = definition.Role,
                SchoolId = school?.Id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                IsActive = true,
                CreatedAtUtc = stamp,
            };
            user.PasswordHash = passwordHasher.HashPassword(user, DemoAccounts.Password);
            users.Add(user);
            accounts.Add(new DemoAccount(email, definition.Role, school?.Name));
        }

        return users;
    }
}
