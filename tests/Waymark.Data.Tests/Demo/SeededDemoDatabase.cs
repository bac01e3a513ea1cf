using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Testing;

namespace Waymark.Data.Tests.Demo;

/// <summary>One 6,000-pupil demo database per provider, seeded once and shared by the read-only tests.</summary>
public abstract class SeededDemoDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public const int Pupils = 6000;
    public const int Seed = 1;

    /// <summary>A fixed date, mid-way through the 2025/26 academic year.</summary>
    public static readonly DateOnly Today = new(2026, 1, 15);

    public static AcademicYear Year => AcademicYear.Containing(Today);

    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public DemoSeedResult Result { get; private set; } = null!;

    public List<string> Progress { get; } = [];

    public IReadOnlyList<Child> Children { get; private set; } = [];

    public IReadOnlyList<School> Schools { get; private set; } = [];

    public IReadOnlyList<WaymarkUser> Users { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.CreateContext())
        {
            var generator = new DemoDataGenerator(new PasswordHasher<WaymarkUser>());
            Result = await generator.SeedAsync(db, new DemoSeedOptions(Pupils, Seed, Today), new ListProgress(Progress));
        }

        await using (var db = _database.CreateContext())
        {
            Children = await db.Children.AsNoTracking()
                .Include(c => c.Enrolments)
                .Include(c => c.Statuses)
                .Include(c => c.KeyPeople)
                .Include(c => c.FormerUpns)
                .AsSplitQuery()
                .ToListAsync();
            Schools = await db.Schools.AsNoTracking().ToListAsync();
            Users = await db.Users.AsNoTracking().ToListAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteSeededDemoDatabase() : SeededDemoDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresSeededDemoDatabase() : SeededDemoDatabase(DatabaseProvider.Postgres);

/// <summary>Records progress synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class ListProgress(List<string> messages, Action<string>? onReport = null) : IProgress<string>
{
    public void Report(string value)
    {
        lock (messages)
        {
            messages.Add(value);
        }

        onReport?.Invoke(value);
    }
}
