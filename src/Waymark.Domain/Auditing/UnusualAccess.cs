namespace Waymark.Domain.Auditing;

/// <summary>One entry about a child by a user: the input to the rule of many records in a short time.</summary>
public readonly record struct ChildRead(string UserId, Guid ChildId, DateTime AtUtc);

/// <summary>A user reading more than <see cref="UnusualAccess.ManyChildren"/> children within <see cref="UnusualAccess.ManyChildrenWithin"/>.</summary>
/// <param name="FirstUtc">The first read of the run.</param>
/// <param name="LastUtc">The last read of the run.</param>
/// <param name="Children">The distinct children read from the first to the last.</param>
/// <param name="Reads">The entries from the first to the last.</param>
public sealed record Burst(string UserId, DateTime FirstUtc, DateTime LastUtc, int Children, int Reads);

/// <summary>
/// The Caldicott Guardian's rules for access to children's records that deserves a second look: access out of hours
/// (before 07:00 or from 19:00 UK time, or at a weekend) and a user reading many children's records in a short time
/// (more than 30 distinct children within 10 minutes).
/// </summary>
public static class UnusualAccess
{
    /// <summary>Access before this UK time on a weekday is out of hours.</summary>
    public static readonly TimeOnly WorkingDayStarts = new(7, 0);

    /// <summary>Access at or after this UK time on a weekday is out of hours.</summary>
    public static readonly TimeOnly WorkingDayEnds = new(19, 0);

    /// <summary>Reading more than this many distinct children …</summary>
    public const int ManyChildren = 30;

    /// <summary>… with no more than this between the first read and the last is unusual.</summary>
    public static readonly TimeSpan ManyChildrenWithin = TimeSpan.FromMinutes(10);

    public static TimeZoneInfo UkTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>True for a UK local time at a weekend, before <see cref="WorkingDayStarts"/> or from <see cref="WorkingDayEnds"/>.</summary>
    public static bool IsOutOfHours(DateTime ukLocal) =>
        ukLocal.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
        || TimeOnly.FromDateTime(ukLocal) < WorkingDayStarts
        || TimeOnly.FromDateTime(ukLocal) >= WorkingDayEnds;

    public static bool IsOutOfHoursUtc(DateTime utc) =>
        IsOutOfHours(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTimeZone));

    /// <summary>Midnight at the start of a UK day, in UTC.</summary>
    public static DateTime UkDayStartUtc(DateOnly day) => ToUtc(day, TimeOnly.MinValue);

    /// <summary>
    /// The out-of-hours periods of the UK days <paramref name="from"/> to <paramref name="to"/> (inclusive) as UTC
    /// intervals, start inclusive and end exclusive, adjoining periods joined (a weekend runs from Friday 19:00 to
    /// Monday 07:00). A time in the days is out of hours exactly when it falls in one: so a database can filter
    /// entries by plain ranges of its indexed UTC column.
    /// </summary>
    public static IReadOnlyList<(DateTime FromUtc, DateTime ToUtc)> OutOfHoursUtc(DateOnly from, DateOnly to)
    {
        var periods = new List<(DateTime FromUtc, DateTime ToUtc)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Add(periods, ToUtc(day, TimeOnly.MinValue), ToUtc(next, TimeOnly.MinValue));
            }
            else
            {
                Add(periods, ToUtc(day, TimeOnly.MinValue), ToUtc(day, WorkingDayStarts));
                Add(periods, ToUtc(day, WorkingDayEnds), ToUtc(next, TimeOnly.MinValue));
            }
        }

        return periods;
    }

    /// <summary>
    /// Runs of reads in which one user read more than <paramref name="threshold"/> distinct children with no more than
    /// <paramref name="within"/> from the first read to the last. Windows sharing a read make one run, so a
    /// long spree is reported once, with every child read in it. Newest first.
    /// </summary>
    public static IReadOnlyList<Burst> FindBursts(IEnumerable<ChildRead> reads, int threshold = ManyChildren, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var window = within ?? ManyChildrenWithin;
        var bursts = new List<Burst>();
        foreach (var user in reads.GroupBy(r => r.UserId, StringComparer.Ordinal))
        {
            var ordered = user.OrderBy(r => r.AtUtc).ToList();
            var inWindow = new Dictionary<Guid, int>();
            var left = 0;

            // The run being built: reads runStart to runEnd, and the children among them.
            var runStart = -1;
            var runEnd = -1;
            var children = new HashSet<Guid>();
            for (var right = 0; right < ordered.Count; right++)
            {
                var read = ordered[right];
                inWindow[read.ChildId] = inWindow.GetValueOrDefault(read.ChildId) + 1;
                while (read.AtUtc - ordered[left].AtUtc > window)
                {
                    var leaving = ordered[left++].ChildId;
                    if (--inWindow[leaving] == 0)
                    {
                        inWindow.Remove(leaving);
                    }
                }

                if (inWindow.Count <= threshold)
                {
                    continue;
                }

                if (runStart < 0 || left > runEnd)
                {
                    // Sharing no read with the run so far: that run is finished and a new one starts with this window.
                    if (runStart >= 0)
                    {
                        bursts.Add(Run(user.Key, ordered, runStart, runEnd, children));
                    }

                    runStart = left;
                    runEnd = left - 1;
                    children = [];
                }

                for (var i = runEnd + 1; i <= right; i++)
                {
                    children.Add(ordered[i].ChildId);
                }

                runEnd = right;
            }

            if (runStart >= 0)
            {
                bursts.Add(Run(user.Key, ordered, runStart, runEnd, children));
            }
        }

        return [.. bursts.OrderByDescending(b => b.LastUtc)];
    }

    private static Burst Run(string userId, List<ChildRead> ordered, int start, int end, HashSet<Guid> children) =>
        new(userId, ordered[start].AtUtc, ordered[end].AtUtc, children.Count, end - start + 1);

    private static DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), UkTimeZone);

    private static void Add(List<(DateTime FromUtc, DateTime ToUtc)> periods, DateTime from, DateTime to)
    {
        if (periods.Count > 0 && periods[^1].ToUtc == from)
        {
            periods[^1] = (periods[^1].FromUtc, to);
        }
        else
        {
            periods.Add((from, to));
        }
    }
}
