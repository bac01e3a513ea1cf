using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Data.Entities;

namespace Waymark.Data.Records;

/// <summary>One table of a child's record: an entity type reached from <see cref="Child"/> along foreign keys.</summary>
public sealed class ChildRecordTable
{
    internal ChildRecordTable(IEntityType entityType, IReadOnlyList<IForeignKey> links)
    {
        EntityType = entityType;
        Links = links;
        var key = entityType.FindPrimaryKey();
        if (key is not { Properties.Count: 1 })
        {
            throw new InvalidOperationException($"{entityType.DisplayName()} is part of a child's record but has no single-column key, which the export and deletion need.");
        }

        Key = key.Properties[0];

        // Declared order reads better than EF's alphabetical order; shadow properties (if any) go last.
        var declared = entityType.ClrType.GetProperties().Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i);
        Columns = entityType.GetProperties()
            .OrderBy(p => p.IsPrimaryKey() ? -1 : declared.GetValueOrDefault(p.Name, int.MaxValue))
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    public IEntityType EntityType { get; }

    /// <summary>The foreign keys by which a row belongs to the record: to the child, or to another table of the record.</summary>
    public IReadOnlyList<IForeignKey> Links { get; }

    public IProperty Key { get; }

    /// <summary>Every stored property, key first, then as the entity declares them.</summary>
    public IReadOnlyList<IProperty> Columns { get; }

    public string Name => EntityType.GetTableName() ?? EntityType.ShortName();

    public Type ClrType => EntityType.ClrType;

    public override string ToString() => Name;
}

/// <summary>The rows of one table of a child's record, with every column's value as stored.</summary>
public sealed class ChildRecordRows(ChildRecordTable table, IReadOnlyList<ChildRecordRow> rows)
{
    public ChildRecordTable Table { get; } = table;

    public IReadOnlyList<ChildRecordRow> Rows { get; } = rows;

    public int Count => Rows.Count;

    public IEnumerable<T> Entities<T>() => Rows.Select(r => r.Entity).OfType<T>();
}

public sealed class ChildRecordRow(object entity, object?[] values, IReadOnlyList<IProperty> columns)
{
    /// <summary>The entity as loaded (detached), for typed reading such as a year's marks.</summary>
    public object Entity { get; } = entity;

    public IReadOnlyList<object?> Values => values;

    public object? this[IProperty property]
    {
        get
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (ReferenceEquals(columns[i], property))
                {
                    return values[i];
                }
            }

            throw new ArgumentException($"{property.Name} is not a column of this row.", nameof(property));
        }
    }
}

/// <summary>Everything held about one child, table by table, in <see cref="ChildRecordGraph.Tables"/> order.</summary>
public sealed class ChildRecord(Child child, IReadOnlyList<ChildRecordRows> tables)
{
    public Child Child { get; } = child;

    public IReadOnlyList<ChildRecordRows> Tables { get; } = tables;

    public int RowCount => Tables.Sum(t => t.Count);

    public ChildRecordRows? Find(Type clrType) => Tables.FirstOrDefault(t => t.Table.ClrType == clrType);
}

/// <summary>
/// A child's record is found from the EF Core model, not from a list: every entity type with a foreign key to
/// <see cref="Child"/>, and every entity type with a foreign key to one of those, and so on. A table added
/// later is part of the subject access export and of retention deletion without anyone remembering to add it.
/// </summary>
public static class ChildRecordGraph
{
    private const int Chunk = 1000;

    private static readonly MethodInfo LoadMethod = typeof(ChildRecordGraph).GetMethod(nameof(LoadWhereAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo DeleteMethod = typeof(ChildRecordGraph).GetMethod(nameof(DeleteWhereAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// The tables of a child's record, <see cref="Child"/> first, each after every table it refers to (so
    /// deleting in reverse order never breaks a foreign key); ties in table-name order.
    /// </summary>
    public static IReadOnlyList<ChildRecordTable> Tables(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var child = model.FindEntityType(typeof(Child)) ?? throw new InvalidOperationException("The model has no Child.");
        var included = new HashSet<IEntityType> { child };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var type in model.GetEntityTypes())
            {
                if (!included.Contains(type) && type.GetForeignKeys().Any(fk => included.Contains(fk.PrincipalEntityType)))
                {
                    included.Add(type);
                    changed = true;
                }
            }
        }

        var ordered = new List<IEntityType> { child };
        var remaining = included.Where(t => t != child).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining
                .Where(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !included.Contains(fk.PrincipalEntityType) || ordered.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"The tables {string.Join(", ", remaining.Select(t => t.GetTableName()))} refer to each other in a cycle.");
            }

            ordered.AddRange(ready);
            remaining.RemoveAll(ready.Contains);
        }

        return ordered.Select(t => new ChildRecordTable(t, t.GetForeignKeys().Where(fk => included.Contains(fk.PrincipalEntityType)).ToList())).ToList();
    }

    /// <summary>Every row held about the child, or null when there is no such child. Leaves nothing tracked.</summary>
    public static async Task<ChildRecord?> ReadAsync(WaymarkDbContext db, Guid childId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = Tables(db.Model);
        var read = new Dictionary<IEntityType, ChildRecordRows>();
        var loaded = new List<object>();
        try
        {
            foreach (var table in tables)
            {
                var entities = new Dictionary<object, object>();
                if (table.ClrType == typeof(Child))
                {
                    foreach (var entity in await LoadAsync(db, table.ClrType, table.Key, [childId], ct))
                    {
                        entities[childId] = entity;
                    }
                }
                else
                {
                    foreach (var link in table.Links)
                    {
                        var principal = read[link.PrincipalEntityType];
                        var principalKey = link.PrincipalKey.Properties.Single();
                        var keys = principal.Rows.Select(r => r[principalKey]).OfType<object>().Distinct().ToList();
                        if (keys.Count == 0)
                        {
                            continue;
                        }

                        foreach (var entity in await LoadAsync(db, table.ClrType, link.Properties.Single(), keys, ct))
                        {
                            entities.TryAdd(db.Entry(entity).Property(table.Key).CurrentValue!, entity);
                        }
                    }
                }

                loaded.AddRange(entities.Values);
                var rows = entities.Values
                    .Select(e => new ChildRecordRow(e, table.Columns.Select(c => db.Entry(e).Property(c).CurrentValue).ToArray(), table.Columns))
                    .OrderBy(r => r[table.Key])
                    .ToList();
                read[table.EntityType] = new ChildRecordRows(table, rows);
                if (table.ClrType == typeof(Child) && rows.Count == 0)
                {
                    return null;
                }
            }
        }
        finally
        {
            foreach (var entity in loaded)
            {
                db.Entry(entity).State = EntityState.Detached;
            }
        }

        return new ChildRecord((Child)read[tables[0].EntityType].Rows[0].Entity, tables.Select(t => read[t.EntityType]).ToList());
    }

    /// <summary>
    /// Deletes exactly the rows of <paramref name="record"/>, dependants first, by their keys. Run it inside a
    /// transaction: a row added since the record was read that would stop the child's deletion (a legal hold)
    /// makes it fail rather than disappear unseen. Returns the rows deleted per table.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> DeleteAsync(WaymarkDbContext db, ChildRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var deleted = new List<(string, int)>();
        foreach (var rows in record.Tables.Reverse())
        {
            var keys = rows.Rows.Select(r => r[rows.Table.Key]!).ToList();
            if (keys.Count == 0)
            {
                continue;
            }

            var method = DeleteMethod.MakeGenericMethod(rows.Table.ClrType, rows.Table.Key.ClrType);
            var count = await (Task<int>)method.Invoke(null, [db, rows.Table.Key.Name, keys, ct])!;
            deleted.Add((rows.Table.Name, count));
        }

        deleted.Reverse();
        return deleted;
    }

    private static Task<List<object>> LoadAsync(WaymarkDbContext db, Type clrType, IProperty property, IReadOnlyList<object> keys, CancellationToken ct) =>
        (Task<List<object>>)LoadMethod.MakeGenericMethod(clrType, property.ClrType).Invoke(null, [db, property.Name, keys, ct])!;

    private static async Task<List<object>> LoadWhereAsync<TEntity, TKey>(WaymarkDbContext db, string property, IReadOnlyList<object> keys, CancellationToken ct)
        where TEntity : class
    {
        var found = new List<object>();
        foreach (var chunk in keys.Select(k => (TKey)k).Chunk(Chunk))
        {
            // Tracked, so that shadow properties can be read too; ReadAsync detaches everything afterwards.
            found.AddRange(await db.Set<TEntity>().AsTracking().Where(e => chunk.Contains(EF.Property<TKey>(e, property))).ToListAsync(ct));
        }

        return found;
    }

    private static async Task<int> DeleteWhereAsync<TEntity, TKey>(WaymarkDbContext db, string property, IReadOnlyList<object> keys, CancellationToken ct)
        where TEntity : class
    {
        var count = 0;
        foreach (var chunk in keys.Select(k => (TKey)k).Chunk(Chunk))
        {
            count += await db.Set<TEntity>().Where(e => chunk.Contains(EF.Property<TKey>(e, property))).ExecuteDeleteAsync(ct);
        }

        return count;
    }
}
