using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Testing;
using Xunit.Abstractions;

namespace Waymark.Data.Tests.Demo;

/// <summary>A test that runs only when WAYMARK_DEMO_200K=1, for timing the full-size demo.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "WAYMARK_DEMO_200K";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Set {Variable}=1 to time seeding 200,000 pupils.";
        }
    }
}

[Trait("Category", "Benchmark")]
public abstract class DemoBenchmarkTests(DatabaseProvider provider, ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Seeds_200000_pupils()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var messages = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var progress = new ListProgress(messages, m => output.WriteLine($"{stopwatch.Elapsed:mm\\:ss} {m}"));
        DemoSeedResult result;
        await using (var db = database.CreateContext())
        {
            result = await new DemoDataGenerator(new PasswordHasher<WaymarkUser>())
                .SeedAsync(db, new DemoSeedOptions(200_000, 1, new DateOnly(2026, 1, 15)), progress);
        }

        output.WriteLine($"{provider}: {result.Children:N0} children, {result.Schools:N0} schools in {result.Elapsed}");
        output.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.Location.ConnectionString).DataSource;
            output.WriteLine($"SQLite file: {new FileInfo(file).Length / 1024.0 / 1024.0:N1} MB");
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(200_000, await db.Children.CountAsync());
            Assert.Equal(1000, await db.Schools.CountAsync());
        }
    }
}

public sealed class SqliteDemoBenchmarkTests(ITestOutputHelper output) : DemoBenchmarkTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresDemoBenchmarkTests(ITestOutputHelper output) : DemoBenchmarkTests(DatabaseProvider.Postgres, output);
