using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Waymark.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives, from <c>--database</c> / <c>WAYMARK_DATABASE</c>:
/// <c>sqlite:PATH</c>, or a PostgreSQL connection string.
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, bool IsDefault)
{
    public const string DefaultSqlitePath = "data/waymark.db";

    public static DatabaseLocation Default(string contentRoot) =>
        Sqlite(Path.Combine(contentRoot, DefaultSqlitePath), isDefault: true);

    public static DatabaseLocation Sqlite(string path, bool isDefault = false)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true };
        return new DatabaseLocation(DatabaseProvider.Sqlite, builder.ToString(), isDefault);
    }

    public static DatabaseLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["sqlite:".Length..];
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new FormatException("--database sqlite: needs a file path, for example sqlite:data/waymark.db");
            }

            return Sqlite(path);
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new FormatException("the PostgreSQL connection string has no Host");
            }

            return new DatabaseLocation(DatabaseProvider.Postgres, builder.ConnectionString, false);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(
                $"--database must be sqlite:PATH or a PostgreSQL connection string (Host=...;Database=...): {ex.Message}", ex);
        }
    }

    /// <summary>A description safe for logs: never the password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {b.Database} on {b.Host}:{b.Port}";
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString);
                break;
        }
    }

    /// <summary>Creates the folder for a SQLite file so a first run works from a clean clone.</summary>
    public void EnsureDirectory()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var dir = Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
    }

    public WaymarkDbContext CreateContext()
    {
        EnsureDirectory();
        return Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteWaymarkDbContext(
                new DbContextOptionsBuilder<SqliteWaymarkDbContext>().UseSqlite(ConnectionString).Options),
            _ => new PostgresWaymarkDbContext(
                new DbContextOptionsBuilder<PostgresWaymarkDbContext>().UseNpgsql(ConnectionString).Options),
        };
    }
}
