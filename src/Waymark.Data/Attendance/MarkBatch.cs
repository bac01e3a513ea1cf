using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Attendance;

/// <summary>One pupil's register at one school for one academic year: the key of an <c>AttendanceYears</c> row.</summary>
public readonly record struct RegisterKey(Guid ChildId, int SchoolId, int AcademicYear);

/// <summary>
/// Marks waiting to be applied by <see cref="AttendanceRegister"/>, gathered into one 732-byte year per pupil,
/// school and year (the stored shape), so memory grows with pupils rather than with marks: a year of marks for
/// 50,000 pupils is 37 MB however it arrives. Used by the CSV import, the CTF import and the benchmark.
/// </summary>
public sealed class MarkBatch
{
    private readonly Dictionary<RegisterKey, Entry> _entries = [];
    private RegisterKey _lastKey;
    private Entry? _last;

    /// <summary>Registers in the batch.</summary>
    public int Registers => _entries.Count;

    /// <summary>Distinct sessions marked (a session given twice with the same code counts once).</summary>
    public long Marks { get; private set; }

    internal IEnumerable<KeyValuePair<RegisterKey, Entry>> Entries => _entries;

    internal bool TryGet(in RegisterKey key, out Entry entry) => _entries.TryGetValue(key, out entry!);

    /// <summary>After <see cref="AttendanceRegister.ApplyAsync"/>: the children whose registers it wrote (a mark new or changed).</summary>
    public IReadOnlySet<Guid> ChildrenWritten() =>
        _entries.Where(e => e.Value.StoredId == 0 || e.Value.NeedsWrite).Select(e => e.Key.ChildId).ToHashSet();

    /// <summary>
    /// Adds a mark. Returns the stored value already in the batch for that session: <see cref="AttendanceCodes.NoMark"/>
    /// when it was empty, the same value when the mark repeats, another value when it conflicts (the batch keeps the first).
    /// </summary>
    public byte Add(Guid childId, int schoolId, DateOnly date, Session session, AttendanceCode code)
    {
        var year = AcademicYear.Containing(date);
        var key = new RegisterKey(childId, schoolId, year.StartYear);
        var entry = _last;
        if (entry is null || key != _lastKey)
        {
            // Files are usually sorted by pupil, so most rows hit the register of the row before.
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out _);
            slot ??= new Entry();
            entry = slot;
            _last = entry;
            _lastKey = key;
        }

        var index = ((date.DayNumber - year.Start.DayNumber) * 2) + (int)session;
        var old = entry.Marks[index];
        if (old == AttendanceCodes.NoMark)
        {
            entry.Marks[index] = code.Value;
            entry.Count++;
            entry.Min = Math.Min(entry.Min, index);
            entry.Max = Math.Max(entry.Max, index);
            Marks++;
        }

        return old;
    }

    internal sealed class Entry
    {
        public byte[] Marks { get; } = new byte[YearMarks.Length];

        /// <summary>Sessions marked in this batch.</summary>
        public int Count { get; set; }

        /// <summary>The first and last marked index, so comparing a day's marks reads two bytes rather than 732.</summary>
        public int Min { get; set; } = int.MaxValue;

        public int Max { get; set; } = -1;

        /// <summary>Set while applying: the stored row's id, 0 when there is none yet.</summary>
        public long StoredId { get; set; }

        /// <summary>Set while applying: the stored row differs and <see cref="Marks"/> now holds the merged year.</summary>
        public bool NeedsWrite { get; set; }
    }
}

/// <summary>What applying a batch did: every mark is exactly one of new, changed or unchanged.</summary>
public sealed record RegisterResult(long New, long Changed, long Unchanged, int RegistersAdded, int RegistersUpdated)
{
    public long Marks => New + Changed + Unchanged;
}
