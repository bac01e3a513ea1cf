using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Data;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Testing;
using Waymark.Web.Auditing;
using Waymark.Web.Cli;
using Waymark.Web.Hosting;

namespace Waymark.Web.Tests.Auditing;

/// <summary>
/// The audit log is append-only and tamper-evident, on both databases: every entry is sealed into a hash chain in the
/// transaction that writes it, the database refuses to change or remove entries, and `waymark audit verify` finds the
/// first entry that someone with direct access to the database has altered or removed.
/// </summary>
public abstract class AuditChainTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string DatabaseArgument => _database.CommandLineArgument;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes audit entries the way the app does: through the Auditor of an app's own scope.</summary>
    private async Task WriteAsync(int count, string action = "test-entry")
    {
        await using var app = WaymarkApp.Build(_database.Location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        for (var i = 0; i < count; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Auditor>().RecordNowAsync(action, Guid.NewGuid(), $"entry {i} ünïcødé \0 nul");
        }
    }

    /// <summary>Runs SQL as someone with full access to the database who has switched the protections off.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, "SET session_replication_role = replica");
        }
        else
        {
            await ExecuteAsync(connection, "DROP TRIGGER IF EXISTS \"AuditEvents_no_update\"; DROP TRIGGER IF EXISTS \"AuditEvents_no_delete\";");
        }

        await ExecuteAsync(connection, sql);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Entries_are_sealed_in_order_and_verify_reports_the_head_of_an_intact_chain()
    {
        await WriteAsync(5);

        var result = await RunAsync("audit", "verify");

        Assert.Equal(0, result.Exit);
        await using var db = _database.CreateContext();
        var entries = await db.AuditEvents.AsNoTracking().Where(e => e.Action != AuditActions.AuditVerified).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence!.Value));
        var previous = AuditChain.Genesis;
        foreach (var entry in entries)
        {
            Assert.Equal(AuditChain.ComputeHash(previous, entry), entry.Hash);
            previous = entry.Hash!;
        }

        Assert.Contains($"The audit log is intact: 5 entries checked. Head: entry 5, hash {Convert.ToHexStringLower(previous)}.", result.Out, StringComparison.Ordinal);

        // NUL, which PostgreSQL text refuses, is stored as the replacement character and hashed as stored.
        Assert.All(entries, e => Assert.DoesNotContain('\0', e.Detail!));
        Assert.Equal(6, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_entry()
    {
        await WriteAsync(2);
        await using var db = _database.CreateContext();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = 'nothing happened'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
        var reseal = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Hash\" = NULL, \"Sequence\" = NULL"));

        Assert.Contains("append-only", Assert.IsAssignableFrom<DbException>(update).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.IsAssignableFrom<DbException>(delete).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.IsAssignableFrom<DbException>(reseal).Message, StringComparison.Ordinal);
        if (provider == DatabaseProvider.Postgres)
        {
            var truncate = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\""));
            Assert.Contains("append-only", Assert.IsAssignableFrom<DbException>(truncate).Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Detail!.StartsWith("entry ")));
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
    }

    [Fact]
    public async Task Verify_finds_an_entry_altered_directly_in_the_database()
    {
        await WriteAsync(6);
        await TamperAsync("UPDATE \"AuditEvents\" SET \"Detail\" = 'looked at nothing' WHERE \"Sequence\" = 4");

        var result = await RunAsync("audit", "verify");

        Assert.Equal(1, result.Exit);
        Assert.Contains("The audit log is broken at entry 4 (id ", result.Err, StringComparison.Ordinal);
        Assert.Contains("its content or its hash has been altered", result.Err, StringComparison.Ordinal);
        Assert.Contains("The 3 entries before it are intact.", result.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AuditVerified));
    }

    [Fact]
    public async Task Verify_finds_an_entry_removed_and_a_hash_recomputed_without_the_chain()
    {
        await WriteAsync(6);
        await TamperAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3");

        var removed = await RunAsync("audit", "verify");

        Assert.Equal(1, removed.Exit);
        Assert.Contains("broken at entry 4", removed.Err, StringComparison.Ordinal);
        Assert.Contains("entries 3 to 3 are missing", removed.Err, StringComparison.Ordinal);

        // Someone who renumbers the rest and rehashes an entry on its own still breaks the link to the entry before.
        await TamperAsync(
            "UPDATE \"AuditEvents\" SET \"Sequence\" = \"Sequence\" - 1 WHERE \"Sequence\" > 3");
        var renumbered = await RunAsync("audit", "verify");
        Assert.Equal(1, renumbered.Exit);
        Assert.Contains("broken at entry 3", renumbered.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_finds_entries_cut_from_the_end_of_the_log()
    {
        await WriteAsync(6);
        await TamperAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > 4");

        var result = await RunAsync("audit", "verify");

        Assert.Equal(1, result.Exit);
        Assert.Contains("the log ends at entry 4 but its head says 6: entries 5 to 6 were removed", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_each_get_their_own_place_in_the_chain()
    {
        await using var app = WaymarkApp.Build(_database.Location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));

        await Parallel.ForAsync(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<Auditor>().RecordNowAsync("concurrent", detail: $"writer {i}", ct: ct);
                    return;
                }
                catch (DbUpdateException) when (provider == DatabaseProvider.Sqlite && attempt < 20)
                {
                    // SQLite allows one writer: a writer that waited too long for the lock tries again.
                    await Task.Delay(50, ct);
                }
            }
        });

        await using var db = _database.CreateContext();
        var sequences = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Sequence!.Value).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), sequences);
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task A_context_that_saved_before_reads_the_head_afresh_after_another_has_written()
    {
        await using var app = WaymarkApp.Build(_database.Location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<Auditor>();
        var b = second.ServiceProvider.GetRequiredService<Auditor>();

        await a.RecordNowAsync("first", detail: "a1");
        await b.RecordNowAsync("second", detail: "b1");
        await a.RecordNowAsync("first", detail: "a2");

        await using var db = _database.CreateContext();
        Assert.Equal([("a1", 1L), ("b1", 2L), ("a2", 3L)],
            (await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Detail, e.Sequence }).ToListAsync())
                .Select(e => (e.Detail!, e.Sequence!.Value)));
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task Entries_written_before_the_chain_existed_are_sealed_once_in_their_order()
    {
        await using (var db = _database.CreateContext())
        {
            foreach (var n in new[] { 1, 2, 3 })
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"AuditEvents\" (\"OccurredAtUtc\", \"Action\", \"Detail\") VALUES ({new DateTime(2026, 1, n, 9, 0, 0, DateTimeKind.Utc)}, {"legacy"}, {"before the chain " + n})");
            }

            Assert.False((await AuditChain.VerifyAsync(db)).Intact);
            Assert.Equal(3, await AuditChain.SealUnsealedAsync(db));
            Assert.Equal(0, await AuditChain.SealUnsealedAsync(db));
        }

        await WriteAsync(2);

        await using var check = _database.CreateContext();
        var verification = await AuditChain.VerifyAsync(check);
        Assert.True(verification.Intact);
        Assert.Equal(5, verification.Checked);
        Assert.Equal(["before the chain 1", "before the chain 2", "before the chain 3"],
            await check.AuditEvents.Where(e => e.Sequence <= 3).OrderBy(e => e.Sequence).Select(e => e.Detail!).ToListAsync());
    }

    [Fact]
    public async Task A_change_made_through_the_app_is_written_down_with_before_and_after_and_no_secrets()
    {
        Guid childId;
        await using (var seed = _database.CreateContext())
        {
            var child = TestWorld.NewChild("Before", "After", new DateOnly(2015, 2, 3), Sex.Female, 2001, 1);
            seed.Children.Add(child);
            seed.Users.Add(new WaymarkUser
            {
                Id = "capture-user", UserName = "capture@test.example", Email = "capture@test.example", DisplayName = "Capture", PasswordHash = "old-hash",
            });
            await seed.SaveChangesAsync();
            childId = child.Id;
        }

        await using var app = WaymarkApp.Build(_database.Location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var child = await db.Children.SingleAsync(c => c.Id == childId);
            child.PreferredForename = "Bee";
            var user = await db.Users.SingleAsync(u => u.Id == "capture-user");
            user.PasswordHash = "new-hash";
            user.DisplayName = "Captured";
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var entry = await check.AuditEvents.SingleAsync(e => e.Action == AuditActions.RecordChanged);
        Assert.Null(entry.ChildId);
        Assert.Equal("2 record(s) changed", entry.Detail);
        Assert.Contains("\"entity\":\"Child\"", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"PreferredForename\":[null,\"Bee\"]", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"DisplayName\":[\"Capture\",\"Captured\"]", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"PasswordHash\":[\"(secret, not recorded)\"]", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("new-hash", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("old-hash", entry.Changes, StringComparison.Ordinal);
        Assert.True((await AuditChain.VerifyAsync(check)).Intact);
    }

    [Fact]
    public async Task A_childs_changes_go_on_that_childs_entry_in_the_same_save()
    {
        Guid childId;
        await using (var seed = _database.CreateContext())
        {
            var child = TestWorld.NewChild("Entry", "Child", new DateOnly(2015, 2, 3), Sex.Male, 2001, 2);
            seed.Children.Add(child);
            await seed.SaveChangesAsync();
            childId = child.Id;
        }

        await using var app = WaymarkApp.Build(_database.Location, configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            db.ChildStatuses.Add(new ChildStatus { ChildId = childId, Type = ChildStatusType.ChildInNeed, StartDate = new DateOnly(2026, 1, 5) });
            scope.ServiceProvider.GetRequiredService<Auditor>().Record("status-added", childId, "child in need from 5 January 2026");
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var entry = await check.AuditEvents.SingleAsync();
        Assert.Equal(("status-added", childId), (entry.Action, entry.ChildId));
        Assert.Contains("\"entity\":\"ChildStatus\"", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Added\"", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"Type\":[null,\"ChildInNeed\"]", entry.Changes, StringComparison.Ordinal);
    }
}

public sealed class AuditChainTestsOnSqlite() : AuditChainTests(DatabaseProvider.Sqlite);

public sealed class AuditChainTestsOnPostgres() : AuditChainTests(DatabaseProvider.Postgres);
