using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waymark.Data;

namespace Waymark.Testing;

/// <summary>
/// A throwaway, migrated database for one test class: a temporary SQLite file, or a new
/// database on the real PostgreSQL server that the test command starts
/// (connection string in WAYMARK_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "WAYMARK_TEST_POSTGRES";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseLocation location, string? sqliteDirectory, string? postgresAdmin, string? postgresName)
    {
        Location = location;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseLocation Location { get; }

    public DatabaseProvider Provider => Location.Provider;

    /// <summary>This database as the <c>waymark</c> command's <c>--database</c> option takes it.</summary>
    public string CommandLineArgument => Provider == DatabaseProvider.Sqlite
        ? "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Location.ConnectionString).DataSource
        : Location.ConnectionString;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "waymark-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            db = new TestDatabase(DatabaseLocation.Sqlite(Path.Combine(dir, "waymark.db")), dir, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which starts a PostgreSQL server, " +
                    $"or set {PostgresVariable} to a connection string for a server where you may create databases.");
            }

            var name = "waymark_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            db = new TestDatabase(DatabaseLocation.Parse(builder.ConnectionString), null, admin, name);
        }

        await using var context = db.Location.CreateContext();
        await context.Database.MigrateAsync();
        return db;
    }

    public WaymarkDbContext CreateContext() => Location.CreateContext();

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean from the temp folder.
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
