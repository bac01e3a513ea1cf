using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Imports;

namespace Waymark.Web.Tests.Security;

/// <summary>A clock stopped at one instant, so generated files mean the same thing on every run.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// A small fixed world for the import fuzz tests: three schools and five pupils, one of them moved school and one
/// with a replaced UPN, on a database of its own. <see cref="ResetAsync"/> puts it back after an import that
/// succeeded, so every case starts from the same state.
/// </summary>
internal sealed class ImportWorld(TestDatabase database)
{
    /// <summary>Monday 2 March 2026, noon in England: the "today" of every import.</summary>
    public static readonly TimeProvider Clock = new StoppedClock(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    public const int BrooksideUrn = 900101;
    public const int KingswayUrn = 900102;
    public const int MillfieldUrn = 900103;

    public sealed record Pupil(string Upn, string Forename, string Surname, DateOnly Born, Sex Sex, int Urn, DateOnly Entry);

    /// <summary>Where each pupil is on roll now, as a pupil file would give them.</summary>
    public static readonly Pupil[] Pupils =
    [
        new(Upn.Create(823, 2101, 20, 1), "Ava", "Clarke", new(2015, 3, 14), Sex.Female, BrooksideUrn, new(2019, 9, 4)),
        new(Upn.Create(823, 2101, 20, 2), "Ben", "O'Brien", new(2015, 7, 21), Sex.Male, BrooksideUrn, new(2019, 9, 4)),
        new(Upn.Create(823, 2101, 19, 3), "Cal", "Hughes-Smith", new(2014, 5, 5), Sex.Male, KingswayUrn, new(2025, 9, 3)),
        new(Upn.Create(823, 2102, 20, 4), "Dee", "Nguyễn", new(2015, 11, 30), Sex.Female, MillfieldUrn, new(2019, 9, 4)),
        new(Upn.Create(823, 4101, 18, 5), "Eli", "Ward", new(2013, 1, 9), Sex.Unknown, KingswayUrn, new(2024, 9, 4)),
    ];

    /// <summary>Cal was at Brookside until the summer of 2025.</summary>
    public static readonly (DateOnly Start, DateOnly End) CalAtBrookside = (new(2018, 9, 5), new(2025, 7, 22));

    /// <summary>Dee's temporary UPN, replaced by her permanent one.</summary>
    public static readonly string DeesFormerUpn = Upn.Create(823, 2102, 19, 99);

    public TestDatabase Database => database;

    public WaymarkDbContext CreateContext() => database.CreateContext();

    /// <summary>Empties every table and puts the schools and pupils back, with the same ids.</summary>
    public async Task ResetAsync()
    {
        await using var db = CreateContext();
        // The audit log is append-only (triggers refuse DELETE) and its chain carries on across resets.
        var tables = DatabaseSnapshot.TableNames(db).Where(t => t is not ("__EFMigrationsHistory" or "AuditEvents" or "AuditChainHeads")).ToList();

        // Foreign keys are not checked while clearing (SQLite's pragma; PostgreSQL's replica role, as a superuser may),
        // so the tables can go in any order. Plain DELETE: PostgreSQL's TRUNCATE costs file operations per table.
        var sql = database.Provider == DatabaseProvider.Postgres
            ? "SET session_replication_role = replica;\nBEGIN;\n" + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\";\n")) +
              "COMMIT;\nSET session_replication_role = DEFAULT;\n" +
              string.Concat(IdentityColumns(db).Where(c => tables.Contains(c.Table)).Select(c => $"SELECT setval(pg_get_serial_sequence('\"{c.Table}\"', '{c.Column}'), 1, false);\n"))
            : "PRAGMA foreign_keys = OFF;\nPRAGMA synchronous = OFF;\nBEGIN;\n" + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\";\n")) +
              "DELETE FROM sqlite_sequence WHERE name NOT IN ('AuditEvents', 'AuditChainHeads');\nCOMMIT;\nPRAGMA foreign_keys = ON;";
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(sql);

        db.LocalAuthorities.Add(new LocalAuthority { Code = 823, Name = "Testshire County Council" });
        var schools = new Dictionary<int, School>
        {
            [BrooksideUrn] = new() { Urn = BrooksideUrn, LaCode = 823, EstablishmentNumber = 2101, Name = "Brookside Primary School", Phase = SchoolPhase.Primary, Type = "Community school" },
            [KingswayUrn] = new() { Urn = KingswayUrn, LaCode = 823, EstablishmentNumber = 4101, Name = "Kingsway Academy", Phase = SchoolPhase.Secondary, Type = "Academy converter" },
            [MillfieldUrn] = new() { Urn = MillfieldUrn, LaCode = 823, EstablishmentNumber = 2102, Name = "Millfield Primary School", Phase = SchoolPhase.Primary, Type = "Community school" },
        };
        db.Schools.AddRange(schools.Values);
        var stamp = new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Pupils.Length; i++)
        {
            var p = Pupils[i];
            var child = new Child
            {
                Id = new Guid($"00000000-0000-0000-0000-{i + 1:D12}"), Upn = p.Upn, LegalForename = p.Forename, LegalSurname = p.Surname,
                DateOfBirth = p.Born, Sex = p.Sex, CreatedAtUtc = stamp, UpdatedAtUtc = stamp,
            };
            child.RefreshSearchName();
            if (p.Forename == "Cal")
            {
                child.Enrolments.Add(new Enrolment { School = schools[BrooksideUrn], StartDate = CalAtBrookside.Start, EndDate = CalAtBrookside.End, Type = EnrolmentType.Single });
            }

            if (p.Forename == "Dee")
            {
                child.FormerUpns.Add(new FormerUpn { Upn = DeesFormerUpn, RecordedAtUtc = stamp });
            }

            child.Enrolments.Add(new Enrolment { School = schools[p.Urn], StartDate = p.Entry, Type = EnrolmentType.Single });
            db.Children.Add(child);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>PostgreSQL's generated integer keys, whose sequences start again at 1 after a reset.</summary>
    private static IEnumerable<(string Table, string Column)> IdentityColumns(WaymarkDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties()
                .Where(p => p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long)))
                .Select(p => (Table: e.GetTableName()!, Column: p.GetColumnName())))
            .Distinct();

    /// <summary>`waymark import schools`, built as the command line builds it.</summary>
    public async Task<ImportResult> ImportSchoolsAsync(byte[] file)
    {
        await using var db = CreateContext();
        var importer = new SchoolImporter(db, new Waymark.Web.Auditing.Auditor(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), Clock));
        using var stream = new MemoryStream(file, writable: false);
        return await importer.ImportAsync(stream);
    }

    /// <summary>`waymark import pupils`, built as the command line builds it.</summary>
    public async Task<ImportResult> ImportPupilsAsync(byte[] file)
    {
        await using var db = CreateContext();
        var importer = new PupilImporter(db, new Waymark.Web.Auditing.Auditor(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), Clock), Clock);
        using var stream = new MemoryStream(file, writable: false);
        return await importer.ImportAsync(stream, "import pupils fuzz.csv");
    }

    /// <summary>`waymark import attendance`, built as the command line builds it, worklist recompute included.</summary>
    public async Task<AttendanceImportResult> ImportAttendanceAsync(byte[] file)
    {
        await using var db = CreateContext();
        var importer = new AttendanceImporter(db, new AttendanceRegister(db, Clock),
            new AttendanceAlertEngine(db, [new SuspensionAlertSource(), new ReducedTimetableAlertSource()]),
            new Waymark.Web.Auditing.Auditor(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), Clock), Clock);
        using var stream = new MemoryStream(file, writable: false);
        return await importer.ImportAsync(stream, "fuzz.csv");
    }

    public async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var db = CreateContext();
        return await DatabaseSnapshot.TakeAsync(db);
    }
}
