using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Attendance;

/// <summary>
/// The one way register marks are written (CSV import, CTF import, corrections, the benchmark). A mark for an empty
/// session is new; a different code replaces the old one and leaves an <see cref="AttendanceMarkChange"/>; the same
/// code is unchanged. Everything happens in one transaction (the caller's, when it has one), so a batch is saved whole
/// or not at all.
/// </summary>
/// <remarks>
/// Raw ADO.NET rather than EF: a large LA's day is 200,000 rows rewritten, and a year's import 76 million marks.
/// SQLite gets prepared statements reused per row (it is in-process, so a round trip costs nothing); PostgreSQL
/// gets binary COPY for new rows and history, and COPY into a temporary table plus one UPDATE for changed rows.
/// </remarks>
public sealed class AttendanceRegister(WaymarkDbContext db, TimeProvider clock)
{

    private const int ChildrenPerQuery = 500;

    /// <summary>
    /// Above this many registers in a batch, stored rows are read by academic year (one scan) rather than looked up
    /// by child. Settable so tests can drive both paths with a few pupils.
    /// </summary>
    public int LookupByChildLimit { get; init; } = 2000;

    private const string Years = "\"AttendanceYears\"";
    private const string Changes = "\"AttendanceMarkChanges\"";

    private readonly record struct Change(RegisterKey Key, int Index, byte Old, byte New);

    /// <summary>
    /// Applies <paramref name="batch"/> (once: the batch holds the merged years afterwards).
    /// <paramref name="source"/> says where the marks came from and is kept with every correction.
    /// </summary>
    public async Task<RegisterResult> ApplyAsync(MarkBatch batch, string source, string? userId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (source.Length > 300)
        {
            source = source[..300];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.OpenConnectionAsync(ct);
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var connection = db.Database.GetDbConnection();
            var changes = new List<Change>();
            var (changed, unchanged) = await CompareWithStoredAsync(batch, connection, transaction, changes, ct);

            // Every mark is exactly one of new, changed or unchanged.
            var @new = batch.Marks - changed - unchanged;
            int added = 0, updated = 0;
            foreach (var (_, entry) in batch.Entries)
            {
                if (entry.StoredId == 0)
                {
                    added++;
                }
                else if (entry.NeedsWrite)
                {
                    updated++;
                }
            }

            if (connection is NpgsqlConnection postgres)
            {
                await WritePostgresAsync(batch, changes, postgres, source, userId, now, ct);
            }
            else
            {
                await WriteSqliteAsync(batch, changes, (SqliteConnection)connection, (SqliteTransaction)transaction, source, userId, now, ct);
            }

            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }

            return new RegisterResult(@new, changed, unchanged, added, updated);
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Reads the stored years the batch touches; merges each into the batch's year where a mark is new or changed
    /// (so the batch's bytes become what is written), and records every replaced mark. Returns changed and unchanged counts.
    /// </summary>
    private async Task<(long Changed, long Unchanged)> CompareWithStoredAsync(MarkBatch batch, DbConnection connection, DbTransaction transaction,
        List<Change> changes, CancellationToken ct)
    {
        long changed = 0, unchanged = 0;
        var stored = new byte[YearMarks.Length];
        var sqlite = connection is SqliteConnection;

        void Merge(long id, in RegisterKey key, ReadOnlySpan<byte> storedMarks)
        {
            if (!batch.TryGet(key, out var entry))
            {
                return;
            }

            if (storedMarks.Length != YearMarks.Length)
            {
                throw new InvalidOperationException($"Stored attendance year {id} is not {YearMarks.Length} bytes.");
            }

            entry.StoredId = id;
            var marks = entry.Marks;
            var writes = false;
            for (var i = entry.Min; i <= entry.Max; i++)
            {
                var mark = marks[i];
                if (mark == AttendanceCodes.NoMark)
                {
                    continue;
                }

                var old = storedMarks[i];
                if (old == mark)
                {
                    unchanged++;
                }
                else
                {
                    writes = true;
                    if (old != AttendanceCodes.NoMark)
                    {
                        changed++;
                        changes.Add(new Change(key, i, old, mark));
                    }
                }
            }

            if (writes)
            {
                // What gets written is the stored year with this batch's marks laid over it.
                var touched = stored.AsSpan(0, entry.Max - entry.Min + 1);
                marks.AsSpan(entry.Min, touched.Length).CopyTo(touched);
                storedMarks.CopyTo(marks);
                for (var i = 0; i < touched.Length; i++)
                {
                    if (touched[i] != AttendanceCodes.NoMark)
                    {
                        marks[entry.Min + i] = touched[i];
                    }
                }

                entry.NeedsWrite = true;
            }
        }

        async Task ReadAsync(DbCommand command)
        {
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            var buffer = new byte[YearMarks.Length];
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                var key = new RegisterKey(reader.GetGuid(1), reader.GetInt32(2), reader.GetInt32(3));
                var read = (int)reader.GetBytes(4, 0, buffer, 0, buffer.Length);
                Merge(id, key, buffer.AsSpan(0, read));
            }
        }

        foreach (var (_, entry) in batch.Entries)
        {
            entry.StoredId = 0;
            entry.NeedsWrite = false;
        }

        const string select = $"SELECT \"Id\", \"ChildId\", \"SchoolId\", \"AcademicYear\", \"Marks\" FROM {Years} WHERE ";
        if (batch.Registers <= LookupByChildLimit)
        {
            var children = batch.Entries.Select(e => e.Key.ChildId).Distinct().ToList();
            for (var start = 0; start < children.Count; start += ChildrenPerQuery)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var text = new StringBuilder(select).Append("\"ChildId\" IN (");
                var n = 0;
                foreach (var child in children.Skip(start).Take(ChildrenPerQuery))
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@c{n}");
                    text.Append(n == 0 ? "" : ", ").Append(name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = sqlite ? SqliteGuid(child) : child;
                    command.Parameters.Add(parameter);
                    n++;
                }

                command.CommandText = text.Append(')').ToString();
                await ReadAsync(command);
            }
        }
        else
        {
            foreach (var year in batch.Entries.Select(e => e.Key.AcademicYear).Distinct())
            {
                if (connection is SqliteConnection file)
                {
                    ReadYearFromSqlite(file, year, Merge, ct);
                    continue;
                }

                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = select + "\"AcademicYear\" = @year";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@year";
                parameter.Value = year;
                command.Parameters.Add(parameter);
                await ReadAsync(command);
            }
        }

        return (changed, unchanged);
    }

    private delegate void MergeRow(long id, in RegisterKey key, ReadOnlySpan<byte> storedMarks);

    /// <summary>
    /// A year's rows straight from SQLite's C API: a day for 200,000 pupils reads every row, and the ADO.NET reader's
    /// per-row and per-value overhead was most of the time. Blobs are read in place, without a copy.
    /// </summary>
    private static void ReadYearFromSqlite(SqliteConnection connection, int year, MergeRow merge, CancellationToken ct)
    {
        var handle = connection.Handle!;

        // Most of the table: a scan in row order (the unary + keeps SQLite off the index) beats a seek per row.
        Check(raw.sqlite3_prepare_v2(handle, $"SELECT \"Id\", \"ChildId\", \"SchoolId\", \"AcademicYear\", \"Marks\" FROM {Years} WHERE +\"AcademicYear\" = ?1", out var statement), handle);
        using (statement)
        {
            Check(raw.sqlite3_bind_int(statement, 1, year), handle);
            int rc;
            long rows = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var child = raw.sqlite3_column_type(statement, 1) == raw.SQLITE_BLOB
                    ? new Guid(raw.sqlite3_column_blob(statement, 1))
                    : Guid.Parse(raw.sqlite3_column_blob(statement, 1));
                merge(raw.sqlite3_column_int64(statement, 0), new RegisterKey(child, raw.sqlite3_column_int(statement, 2), raw.sqlite3_column_int(statement, 3)),
                    raw.sqlite3_column_blob(statement, 4));
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, handle);
            }
        }
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static async Task WriteSqliteAsync(MarkBatch batch, List<Change> changes, SqliteConnection connection, SqliteTransaction transaction,
        string source, string? userId, DateTime now, CancellationToken ct)
    {
        // The C API again: one prepared statement each, bound and stepped per row with nothing allocated.
        var handle = connection.Handle!;
        var stamp = SqliteTimestamp(now);
        Check(raw.sqlite3_prepare_v2(handle, $"INSERT INTO {Years} (\"ChildId\", \"SchoolId\", \"AcademicYear\", \"Marks\", \"UpdatedAtUtc\") VALUES (?1, ?2, ?3, ?4, ?5)",
            out var insert), handle);
        using (insert)
        {
            Check(raw.sqlite3_prepare_v2(handle, $"UPDATE {Years} SET \"Marks\" = ?1, \"UpdatedAtUtc\" = ?2 WHERE \"Id\" = ?3", out var update), handle);
            using (update)
            {
                Check(raw.sqlite3_bind_text(insert, 5, stamp), handle);
                Check(raw.sqlite3_bind_text(update, 2, stamp), handle);
                var written = 0;
                foreach (var (key, entry) in batch.Entries)
                {
                    if ((++written & 0xFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    sqlite3_stmt statement;
                    if (entry.StoredId == 0)
                    {
                        statement = insert;
                        Check(raw.sqlite3_bind_text(insert, 1, SqliteGuid(key.ChildId)), handle);
                        Check(raw.sqlite3_bind_int(insert, 2, key.SchoolId), handle);
                        Check(raw.sqlite3_bind_int(insert, 3, key.AcademicYear), handle);
                        Check(raw.sqlite3_bind_blob(insert, 4, entry.Marks), handle);
                    }
                    else if (entry.NeedsWrite)
                    {
                        statement = update;
                        Check(raw.sqlite3_bind_blob(update, 1, entry.Marks), handle);
                        Check(raw.sqlite3_bind_int64(update, 3, entry.StoredId), handle);
                    }
                    else
                    {
                        continue;
                    }

                    Check(raw.sqlite3_step(statement), handle);
                    Check(raw.sqlite3_reset(statement), handle);
                }
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        await using var history = connection.CreateCommand();
        history.Transaction = transaction;
        history.CommandText = $"INSERT INTO {Changes} (\"ChildId\", \"SchoolId\", \"Date\", \"Session\", \"OldCode\", \"NewCode\", \"ChangedAtUtc\", \"ChangedByUserId\", \"Source\") " +
            "VALUES ($c, $s, $d, $session, $old, $new, $at, $by, $source)";
        var child = history.Parameters.Add("$c", SqliteType.Text);
        var school = history.Parameters.Add("$s", SqliteType.Integer);
        var date = history.Parameters.Add("$d", SqliteType.Text);
        var session = history.Parameters.Add("$session", SqliteType.Text);
        var oldCode = history.Parameters.Add("$old", SqliteType.Text);
        var newCode = history.Parameters.Add("$new", SqliteType.Text);
        history.Parameters.AddWithValue("$at", SqliteTimestamp(now));
        history.Parameters.AddWithValue("$by", (object?)userId ?? DBNull.Value);
        history.Parameters.AddWithValue("$source", source);
        await history.PrepareAsync(ct);
        foreach (var change in changes)
        {
            var (day, half) = DateAndSession(change);
            child.Value = SqliteGuid(change.Key.ChildId);
            school.Value = change.Key.SchoolId;
            date.Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            session.Value = half.ToString();
            oldCode.Value = CodeText(change.Old);
            newCode.Value = CodeText(change.New);
            history.ExecuteNonQuery();
        }
    }

    private static async Task WritePostgresAsync(MarkBatch batch, List<Change> changes, NpgsqlConnection connection,
        string source, string? userId, DateTime now, CancellationToken ct)
    {
        var updates = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Years} (\"ChildId\", \"SchoolId\", \"AcademicYear\", \"Marks\", \"UpdatedAtUtc\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (key, entry) in batch.Entries)
            {
                if (entry.StoredId != 0)
                {
                    updates += entry.NeedsWrite ? 1 : 0;
                    continue;
                }

                await copy.StartRowAsync(ct);
                await copy.WriteAsync(key.ChildId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(key.SchoolId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(key.AcademicYear, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(entry.Marks, NpgsqlDbType.Bytea, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        if (updates > 0)
        {
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TEMPORARY TABLE IF NOT EXISTS waymark_register_update (id bigint PRIMARY KEY, marks bytea NOT NULL) ON COMMIT DROP; " +
                    "TRUNCATE waymark_register_update";
                await create.ExecuteNonQueryAsync(ct);
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY waymark_register_update (id, marks) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var (_, entry) in batch.Entries)
                {
                    if (entry.StoredId != 0 && entry.NeedsWrite)
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(entry.StoredId, NpgsqlDbType.Bigint, ct);
                        await copy.WriteAsync(entry.Marks, NpgsqlDbType.Bytea, ct);
                    }
                }

                await copy.CompleteAsync(ct);
            }

            await using var apply = connection.CreateCommand();
            apply.CommandText = $"UPDATE {Years} AS y SET \"Marks\" = u.marks, \"UpdatedAtUtc\" = @now FROM waymark_register_update AS u WHERE y.\"Id\" = u.id";
            apply.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            await apply.ExecuteNonQueryAsync(ct);
        }

        if (changes.Count == 0)
        {
            return;
        }

        await using var history = await connection.BeginBinaryImportAsync(
            $"COPY {Changes} (\"ChildId\", \"SchoolId\", \"Date\", \"Session\", \"OldCode\", \"NewCode\", \"ChangedAtUtc\", \"ChangedByUserId\", \"Source\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var change in changes)
        {
            var (day, half) = DateAndSession(change);
            await history.StartRowAsync(ct);
            await history.WriteAsync(change.Key.ChildId, NpgsqlDbType.Uuid, ct);
            await history.WriteAsync(change.Key.SchoolId, NpgsqlDbType.Integer, ct);
            await history.WriteAsync(day, NpgsqlDbType.Date, ct);
            await history.WriteAsync(half.ToString(), NpgsqlDbType.Varchar, ct);
            await history.WriteAsync(CodeText(change.Old), NpgsqlDbType.Varchar, ct);
            await history.WriteAsync(CodeText(change.New), NpgsqlDbType.Varchar, ct);
            await history.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            if (userId is null)
            {
                await history.WriteNullAsync(ct);
            }
            else
            {
                await history.WriteAsync(userId, NpgsqlDbType.Text, ct);
            }

            await history.WriteAsync(source, NpgsqlDbType.Varchar, ct);
        }

        await history.CompleteAsync(ct);
    }

    private static (DateOnly Date, Session Session) DateAndSession(Change change) =>
        (YearMarks.DateAt(new AcademicYear(change.Key.AcademicYear), change.Index), (Session)(change.Index % 2));

    private static string CodeText(byte value) => AttendanceCodes.FromValue(value)?.Code
        ?? throw new InvalidOperationException($"{value} is not a stored attendance code.");

    // As EF writes a DateTime to SQLite; formatted once per batch rather than once per row.
    private static string SqliteTimestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    // EF stores a Guid in SQLite as upper-case text; a Guid parameter would be bound as a blob and match nothing.
    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();
}
