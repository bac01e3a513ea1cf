using Waymark.Testing;

namespace Waymark.Web.Tests;

// One running app per provider, shared by every test class of that provider. Page tests
// are written once (abstract) and run on both databases through the two subclasses.
public sealed class SqliteHost : IAsyncLifetime
{
    public WaymarkTestHost Host { get; } = new SqliteTestHost();

    public Task InitializeAsync() => Host.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class PostgresHost : IAsyncLifetime
{
    public WaymarkTestHost Host { get; } = new PostgresTestHost();

    public Task InitializeAsync() => Host.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHost>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHost>
{
    public const string Name = "PostgreSQL";
}
