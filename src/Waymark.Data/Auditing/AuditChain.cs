using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;

namespace Waymark.Data.Auditing;

/// <summary>
/// The audit log's hash chain. Each entry gets the next sequence number and the SHA-256 of the previous entry's hash
/// followed by its own content, so altering, removing or reordering any entry breaks every hash after it. Entries are
/// sealed inside the transaction that writes them, under a lock on the chain's head row (<see cref="AuditChainHead"/>),
/// so two writers never take the same place; the head also shows whether entries were cut from the end.
/// The database also refuses UPDATE and DELETE on the table (see the InformationGovernance migrations).
/// </summary>
public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>Gives <paramref name="entries"/> their places in the chain. Call inside the transaction that inserts them.</summary>
    public static async Task SealAsync(WaymarkDbContext db, IReadOnlyList<AuditEvent> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var head = await LockHeadAsync(db, ct);
        var (sequence, previous) = (head.Sequence, head.Hash);
        foreach (var entry in entries)
        {
            Normalise(entry);
            entry.Sequence = ++sequence;
            entry.Hash = ComputeHash(previous, entry);
            previous = entry.Hash;
        }

        (head.Sequence, head.Hash) = (sequence, previous);
    }

    /// <summary>
    /// Seals entries written before the chain existed, in the order they were written, hashing them exactly as they
    /// are stored. Run at start-up after the migrations; the database allows this one change (filling an empty
    /// sequence and hash) and no other.
    /// </summary>
    public static async Task<int> SealUnsealedAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.AuditEvents.AnyAsync(e => e.Sequence == null, ct))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await LockHeadAsync(db, ct);
        var unsealed = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var entry in unsealed)
        {
            entry.Sequence = ++head.Sequence;
            var hash = ComputeHash(head.Hash, entry);
            head.Hash = hash;
            var place = entry.Sequence;
            await db.AuditEvents.Where(e => e.Id == entry.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, place).SetProperty(e => e.Hash, hash), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return unsealed.Count;
    }

    /// <summary>
    /// Reads the chain's head row, locked for the rest of the transaction so writers take their places one at a time
    /// (PostgreSQL <c>FOR UPDATE</c>, which also sees a head committed after a repeatable-read snapshot began by
    /// failing with a serialization error rather than reading a stale head; SQLite's write lock, which
    /// Microsoft.Data.Sqlite's immediate transactions hold from the start). The caller's save writes it back.
    /// </summary>
    private static async Task<AuditChainHead> LockHeadAsync(WaymarkDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are sealed inside the transaction that writes them.");
        }

        // A head tracked from an earlier save in this context is stale by now: read it afresh, never from the tracker.
        foreach (var tracked in db.ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            tracked.State = EntityState.Detached;
        }

        var head = db.Database.IsNpgsql()
            ? await db.AuditChainHeads.FromSql($"SELECT * FROM \"AuditChainHeads\" WHERE \"Id\" = {AuditChainHead.TheHead} FOR UPDATE")
                .AsNoTracking().SingleOrDefaultAsync(ct)
            : await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.TheHead, ct);
        if (head is null)
        {
            // Only a database whose head row was removed: the insert is what concurrent first writers collide on.
            head = new AuditChainHead { Id = AuditChainHead.TheHead, Sequence = 0, Hash = Genesis };
            db.AuditChainHeads.Add(head);
            return head;
        }

        db.AuditChainHeads.Update(head);
        return head;
    }

    /// <summary>What <see cref="VerifyAsync"/> found: how many entries it checked, the head, and the first broken entry if any.</summary>
    public sealed record Verification(long Checked, long? HeadSequence, byte[]? HeadHash, BrokenEntry? FirstBroken)
    {
        public bool Intact => FirstBroken is null;
    }

    /// <summary>The first entry that fails: its id and time, or none when the fault is at the end of the log.</summary>
    public sealed record BrokenEntry(long? Id, long? Sequence, DateTime? OccurredAtUtc, string Why);

    /// <summary>Reads the whole log in chain order and recomputes every hash. Stops at the first broken entry.</summary>
    public static async Task<Verification> VerifyAsync(WaymarkDbContext db, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unsealed = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.OccurredAtUtc }).FirstOrDefaultAsync(ct);
        long expected = 1, checkedCount = 0;
        var previous = Genesis;
        long? headSequence = null;
        await foreach (var entry in db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                var why = entry.Sequence > expected
                    ? $"entries {expected} to {entry.Sequence - 1} are missing"
                    : $"sequence {entry.Sequence} appears twice";
                return new Verification(checkedCount, headSequence, previous, new BrokenEntry(entry.Id, entry.Sequence, entry.OccurredAtUtc, why));
            }

            var hash = ComputeHash(previous, entry);
            if (entry.Hash is null || !CryptographicOperations.FixedTimeEquals(hash, entry.Hash))
            {
                return new Verification(checkedCount, headSequence, previous,
                    new BrokenEntry(entry.Id, entry.Sequence, entry.OccurredAtUtc, "its content or its hash has been altered, or an entry before it removed"));
            }

            previous = hash;
            headSequence = entry.Sequence;
            expected++;
            if ((++checkedCount & 0xFFFF) == 0)
            {
                progress?.Report(checkedCount);
            }
        }

        if (unsealed is not null)
        {
            return new Verification(checkedCount, headSequence, previous, new BrokenEntry(unsealed.Id, null, unsealed.OccurredAtUtc, "it was never sealed into the chain"));
        }

        // The head row says where the log should end: entries cut from the end leave it pointing past the last one.
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.TheHead, ct);
        if (head is not null && (head.Sequence != (headSequence ?? 0) || !CryptographicOperations.FixedTimeEquals(head.Hash, headSequence is null ? Genesis : previous)))
        {
            var why = head.Sequence > (headSequence ?? 0)
                ? $"the log ends at entry {headSequence ?? 0} but its head says {head.Sequence}: entries {(headSequence ?? 0) + 1} to {head.Sequence} were removed"
                : "the head of the log does not match its last entry";
            return new Verification(checkedCount, headSequence, previous, new BrokenEntry(null, null, null, why));
        }

        return new Verification(checkedCount, headSequence, headSequence is null ? null : previous, null);
    }

    /// <summary>SHA-256 of the previous hash and the entry's content, each field written with its length so no two entries read alike.</summary>
    public static byte[] ComputeHash(byte[] previous, AuditEvent entry)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(entry);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(number, entry.Sequence ?? 0);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64LittleEndian(number, entry.OccurredAtUtc.Ticks);
        hash.AppendData(number);
        Append(hash, entry.UserId);
        Append(hash, entry.Action);
        Append(hash, entry.ChildId?.ToString("D"));
        Append(hash, entry.Detail);
        Append(hash, entry.IpAddress);
        Append(hash, entry.Reason);
        Append(hash, entry.Changes);
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, string? text)
    {
        Span<byte> length = stackalloc byte[4];
        if (text is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    /// <summary>
    /// What the databases store exactly: time to the microsecond (PostgreSQL's precision) and no NUL characters
    /// (which PostgreSQL text refuses), so the hash computed now is the hash recomputed from the stored row.
    /// </summary>
    private static void Normalise(AuditEvent entry)
    {
        entry.OccurredAtUtc = new DateTime(entry.OccurredAtUtc.Ticks - (entry.OccurredAtUtc.Ticks % 10), DateTimeKind.Utc);
        entry.UserId = NoNul(entry.UserId);
        entry.Action = NoNul(entry.Action)!;
        entry.Detail = NoNul(entry.Detail);
        entry.IpAddress = NoNul(entry.IpAddress);
        entry.Reason = NoNul(entry.Reason);
        entry.Changes = NoNul(entry.Changes);
    }

    private static string? NoNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
}
