using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Waymark.Data;

namespace Waymark.Web.Bench;

/// <summary>
/// Loads the benchmark's pupils (children and enrolments) quickly: SaveChanges for 200,000 children takes minutes
/// and most of the benchmark's memory. Columns and conversions come from the EF model, so rows are stored exactly as
/// SaveChanges would store them; keys the database generates are left to it, client keys (Guids) are written.
/// </summary>
internal static class BenchBulkInsert
{
    private const int RowsPerStatement = 500;

    public static async Task InsertAsync<T>(WaymarkDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ClrType != typeof(Guid)))
            .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var perStatement = db.Database.IsSqlite() ? 1 : RowsPerStatement;

        DbCommand? prepared = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var command = prepared;
                if (command is null || count != perStatement)
                {
                    // SQLite: one prepared single-row statement reused; PostgreSQL: multi-row statements.
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var text = new StringBuilder(into);
                    for (var n = 0; n < count; n++)
                    {
                        text.Append(n == 0 ? "(" : ", (");
                        for (var i = 0; i < properties.Count; i++)
                        {
                            var name = string.Create(CultureInfo.InvariantCulture, $"p{(n * properties.Count) + i}");
                            text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                            command.Parameters.Add(properties[i].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, properties[i].Property.IsNullable));
                        }

                        text.Append(')');
                    }

                    command.CommandText = text.ToString();
                    if (count == perStatement && perStatement == 1)
                    {
                        await command.PrepareAsync(ct);
                        prepared = command;
                    }
                }

                for (var n = 0; n < count; n++)
                {
                    for (var i = 0; i < properties.Count; i++)
                    {
                        var (_, mapping, getter) = properties[i];
                        var value = getter.GetClrValue(rows[start + n]);
                        command.Parameters[(n * properties.Count) + i].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
                if (command != prepared)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (prepared is not null)
            {
                await prepared.DisposeAsync();
            }
        }
    }
}
