using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Waymark.Data;

/// <summary>
/// Writes many rows of one entity quickly (SaveChanges costs about six times as much per row on SQLite, and
/// tracks every row): the demo data, the alert engine's new worklist entries and the benchmark's pupils.
/// Columns, conversions and parameter types all come from the EF model, so the rows are stored exactly as
/// SaveChanges would store them; keys the database generates are left to it, keys set in code (a child's
/// Guid) are written. SQLite reuses one prepared single-row statement; PostgreSQL gets multi-row statements.
/// </summary>
public static class BulkInsert
{
    private const int RowsPerStatement = 500;

    public static async Task InsertAsync<T>(WaymarkDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (typeof(T) == typeof(Entities.AuditEvent))
        {
            // Audit entries are sealed into the hash chain by SaveChanges; a bulk insert would leave them outside it.
            throw new InvalidOperationException("Audit entries are written through SaveChanges, never in bulk.");
        }

        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)));
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            // SQLite is in-process: one prepared statement, executed per row, is the quickest way in.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var parameters = new DbParameter[properties.Count];
            var text = new StringBuilder(into).Append('(');
            for (var i = 0; i < properties.Count; i++)
            {
                var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{i}");
                text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                parameters[i] = properties[i].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, properties[i].Property.IsNullable);
                command.Parameters.Add(parameters[i]);
            }

            command.CommandText = text.Append(')').ToString();
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var (_, mapping, getter) = properties[i];
                    var value = getter.GetClrValue(row);
                    parameters[i].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                ct.ThrowIfCancellationRequested();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var text = new StringBuilder(into);
                var n = 0;
                foreach (var row in rows.Skip(start).Take(RowsPerStatement))
                {
                    text.Append(n == 0 ? "(" : ", (");
                    for (var i = 0; i < properties.Count; i++)
                    {
                        var (property, mapping, getter) = properties[i];
                        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{n * properties.Count + i}");
                        text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                        command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), getter.GetClrValue(row), property.IsNullable));
                    }

                    text.Append(')');
                    n++;
                }

                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        await db.Database.CloseConnectionAsync();
    }
}
