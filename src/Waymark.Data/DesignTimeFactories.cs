using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Waymark.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWaymarkDbContext>
{
    public SqliteWaymarkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWaymarkDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWaymarkDbContext>
{
    public PostgresWaymarkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWaymarkDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
