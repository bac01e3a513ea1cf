using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Data;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// Every table of the model with its row count and a SHA-256 of its rows in key order: two snapshots are
/// equal exactly when no row was added, removed or changed. Read in one round trip, so thousands of fuzz
/// cases can each be checked.
/// </summary>
internal sealed class DatabaseSnapshot
{
    private DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Hash)> tables) => Tables = tables;

    public IReadOnlyDictionary<string, (long Rows, string Hash)> Tables { get; }

    /// <summary>The SQL that reads every table in key order, built once per model.</summary>
    private static readonly Dictionary<Type, (string[] Tables, string Sql)> Queries = [];

    public static async Task<DatabaseSnapshot> TakeAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        var (tables, sql) = QueryFor(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
            var index = 0;
            do
            {
                result[tables[index++]] = await HashAsync(reader, ct);
            }
            while (await reader.NextResultAsync(ct));

            return new DatabaseSnapshot(result);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The tables that differ, with their counts, leaving out <paramref name="except"/>.</summary>
    public List<string> Differences(DatabaseSnapshot after, params string[] except) =>
        Tables.Keys.Union(after.Tables.Keys).Where(t => !except.Contains(t, StringComparer.Ordinal))
            .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
            .Order(StringComparer.Ordinal)
            .Select(t => $"{t}: {Tables.GetValueOrDefault(t).Rows} row(s) before, {after.Tables.GetValueOrDefault(t).Rows} after" +
                (Tables.GetValueOrDefault(t).Rows == after.Tables.GetValueOrDefault(t).Rows ? " (contents changed)" : ""))
            .ToList();

    /// <summary>Every table of the model, for tests that clear what an import may have written.</summary>
    public static IReadOnlyList<string> TableNames(WaymarkDbContext db) => QueryFor(db).Tables;

    private static (string[] Tables, string Sql) QueryFor(WaymarkDbContext db)
    {
        lock (Queries)
        {
            if (Queries.TryGetValue(db.GetType(), out var query))
            {
                return query;
            }

            var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var entity in db.Model.GetEntityTypes())
            {
                if (entity.GetTableName() is not { } table || tables.ContainsKey(table))
                {
                    continue;
                }

                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var key = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName(store)}\"");
                tables[table] = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key)};";
            }

            query = ([.. tables.Keys], string.Join("\n", tables.Values));
            Queries[db.GetType()] = query;
            return query;
        }
    }

    private static async Task<(long, string)> HashAsync(DbDataReader reader, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var text = reader.IsDBNull(i) ? "\u0001null" : reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToBase64String(bytes),
                    DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                    DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString() ?? "",
                };
                hash.AppendData(Encoding.UTF8.GetBytes(text));
                hash.AppendData("\u0000"u8);
            }

            hash.AppendData("\n"u8);
        }

        return (rows, Convert.ToHexString(hash.GetHashAndReset()));
    }
}
