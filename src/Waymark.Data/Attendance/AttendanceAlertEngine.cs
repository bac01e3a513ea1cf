using System.Data.Common;
using System.Globalization;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Attendance;

/// <summary>
/// Another source of worklist alerts (suspensions, reduced timetables), run by <see cref="AttendanceAlertEngine"/>
/// after the marks, in the same transaction. Each source raises and clears only its own kinds.
/// </summary>
public interface IAttendanceAlertSource
{
    Task<AlertRecompute> RecomputeAsync(WaymarkDbContext db, DateOnly today, IReadOnlyCollection<Guid>? children, MarksPass marks, CancellationToken ct);
}

/// <summary>What the engine's one pass over the marks found for the other sources, so none reads the marks again.</summary>
public sealed record MarksPass(IReadOnlyList<PartTimeMarksFinding> PartTimeMarks);

/// <summary>What one recompute changed, and how many alerts of each kind are open afterwards.</summary>
public sealed record AlertRecompute(int Pupils, int Raised, int Cleared, int Reopened)
{
    public static AlertRecompute None { get; } = new(0, 0, 0, 0);

    public static AlertRecompute operator +(AlertRecompute a, AlertRecompute b) =>
        new(a.Pupils + b.Pupils, a.Raised + b.Raised, a.Cleared + b.Cleared, a.Reopened + b.Reopened);
}

public sealed record AlertRecomputeResult(AlertRecompute Changes, IReadOnlyDictionary<AlertKind, int> OpenByKind, TimeSpan Elapsed);

/// <summary>
/// Recomputes the attendance worklist from the marks as of a day: raises an <see cref="AttendanceAlert"/> for each
/// new finding (one per child, kind and key), sets <see cref="AttendanceAlert.ClearedOn"/> when a finding no longer
/// holds, and reopens an alert that cleared without being handled if it holds again. A handled alert is never
/// reopened or raised again. Built to run over an LA's 200,000 pupils in about a second: it reads only child, school
/// and marks of this year (and, in the autumn term, the summer-term slice of last year's), computes in memory,
/// and writes only what changed, in batches.
/// <para>
/// Alerts are per school: the key is the school's id and the rule's key ("12:2026-autumn"), so a dual-registered
/// pupil can be chronically absent at one school and not the other. It runs after each import for the pupils
/// whose marks changed, once a day for everyone (the web app's <c>AttendanceAlertsDaily</c>), and by hand with
/// <c>waymark attendance alerts</c>.
/// </para>
/// </summary>
public sealed class AttendanceAlertEngine(WaymarkDbContext db, IEnumerable<IAttendanceAlertSource>? otherSources = null)
{
    /// <summary>Ids per UPDATE, well inside SQLite's and PostgreSQL's parameter limits.</summary>
    private const int IdsPerStatement = 900;

    private static readonly AlertKind[] MarkKinds = [.. AlertHandling.FromMarks];

    /// <summary>
    /// Up to this many children with an LA-duty finding have their dates of birth looked up one by one; above it the
    /// database lists everyone outside compulsory school age in one pass. Settable so tests can drive both paths.
    /// </summary>
    public int AgeLookupLimit { get; init; } = IdsPerStatement;

    /// <summary>
    /// Recomputes alerts as of <paramref name="today"/> for every pupil with marks this academic year, or only for
    /// <paramref name="children"/>. The suspension and reduced-timetable sources then run for the same children.
    /// </summary>
    public async Task<AlertRecomputeResult> RecomputeAsync(DateOnly today, IReadOnlyCollection<Guid>? children = null, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;

        var (changes, pass) = await RecomputeMarksAsync(today, children, ct);

        // The one place other alert sources join in: suspensions (i4-susp) and reduced timetables (i4-rt).
        foreach (var source in otherSources ?? [])
        {
            changes += await source.RecomputeAsync(db, today, children, pass, ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        var open = await db.AttendanceAlerts.AsNoTracking()
            .Where(a => a.HandledAtUtc == null && a.ClearedOn == null)
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new AlertRecomputeResult(changes, open, stopwatch.Elapsed);
    }

    private async Task<(AlertRecompute Changes, MarksPass Pass)> RecomputeMarksAsync(DateOnly today, IReadOnlyCollection<Guid>? children, CancellationToken ct)
    {
        var year = AcademicYear.Containing(today);
        var childSet = children?.ToHashSet();
        var (pupilCount, found, pass) = await EvaluateAsync(year, today, childSet, ct);

        var existing = await ExistingAsync(year, childSet, ct);

        // (ChildId, Kind, Key) is unique, so each finding matches at most one alert; what is left in found is new.
        var toClear = new List<long>();
        var toReopen = new List<(long Id, string Summary)>();
        foreach (var alert in existing)
        {
            var holds = found.Remove((alert.ChildId, alert.Kind, alert.Key), out var now);
            switch (AlertLifecycle.Next(holds, alert.Cleared, alert.Handled))
            {
                case AlertStep.Clear:
                    toClear.Add(alert.Id);
                    break;
                case AlertStep.Reopen:
                    toReopen.Add((alert.Id, now.Finding.Summary));
                    break;
            }
        }

        var toRaise = found.Select(f => new AttendanceAlert
        {
            ChildId = f.Key.ChildId,
            SchoolId = f.Value.SchoolId,
            Kind = f.Key.Kind,
            Key = f.Key.Key,
            Owner = f.Value.Finding.Owner,
            Summary = f.Value.Finding.Summary,
            RaisedOn = today,
        }).ToList();

        await BulkInsert.InsertAsync(db, toRaise, ct);
        foreach (var chunk in toClear.Chunk(IdsPerStatement))
        {
            await db.AttendanceAlerts.Where(a => chunk.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClearedOn, today), ct);
        }

        foreach (var (id, summary) in toReopen)
        {
            await db.AttendanceAlerts.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClearedOn, (DateOnly?)null).SetProperty(a => a.Summary, summary), ct);
        }

        return (new AlertRecompute(pupilCount, toRaise.Count, toClear.Count, toReopen.Count), pass);
    }

    /// <summary>
    /// Loads the marks and runs the rules. A method of its own so that the year of marks (about 150 MB for an LA)
    /// is garbage once it returns, rather than kept alive by the caller's async state across the writes.
    /// </summary>
    private async Task<(int Pupils, Dictionary<(Guid ChildId, AlertKind Kind, string Key), (int SchoolId, AlertFinding Finding)> Found, MarksPass Pass)>
        EvaluateAsync(AcademicYear year, DateOnly today, HashSet<Guid>? childSet, CancellationToken ct)
    {
        var (pupils, calendars) = await LoadMarksAsync(year, childSet, ct);
        var lastSummer = await LastYearsSummerAsync(today, childSet, ct);
        var periods = await ReducedTimetableAlerts.PeriodsAsync(db, childSet, ct);

        // Pure and independent per pupil, so the cores share the work. The C2 check rides on the same pass.
        var findings = new IReadOnlyList<AlertFinding>[pupils.Count];
        var partTime = new PartTimeMarksFinding?[pupils.Count];
        Parallel.For(0, pupils.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var pupil = pupils[i];
            findings[i] = AttendanceAlertRules.Evaluate(new YearMarks(year, pupil.Marks), calendars[pupil.SchoolId], today,
                lastSummer?.GetValueOrDefault(pupil.ChildId));
            partTime[i] = ReducedTimetableAlerts.CheckPartTimeMarks(year, pupil.ChildId, pupil.SchoolId, pupil.Marks, periods);
        });
        var pass = new MarksPass([.. partTime.OfType<PartTimeMarksFinding>()]);

        // The LA's duties are to children of compulsory school age. Dates of birth are read only for the few pupils
        // with such a finding: joining every pupil's year to Children cost half a second for an LA.
        var needAge = new HashSet<Guid>();
        for (var i = 0; i < pupils.Count; i++)
        {
            if (findings[i].Any(f => AttendanceAlertRules.OnlyOfCompulsorySchoolAge(f.Kind)))
            {
                needAge.Add(pupils[i].ChildId);
            }
        }

        var outsideAge = await OutsideCompulsorySchoolAgeAsync(needAge, year, ct);

        var found = new Dictionary<(Guid ChildId, AlertKind Kind, string Key), (int SchoolId, AlertFinding Finding)>(pupils.Count);
        for (var i = 0; i < pupils.Count; i++)
        {
            var pupil = pupils[i];
            var list = findings[i];
            var outside = outsideAge.Contains(pupil.ChildId);
            for (var f = 0; f < list.Count; f++)
            {
                if (!(outside && AttendanceAlertRules.OnlyOfCompulsorySchoolAge(list[f].Kind)))
                {
                    found[(pupil.ChildId, list[f].Kind, $"{pupil.SchoolId}:{list[f].Key}")] = (pupil.SchoolId, list[f]);
                }
            }
        }

        return (pupils.Count, found, pass);
    }


    /// <summary>Of <paramref name="children"/>, those outside compulsory school age this year (<see cref="StatisticsCohort"/>).</summary>
    private async Task<HashSet<Guid>> OutsideCompulsorySchoolAgeAsync(HashSet<Guid> children, AcademicYear year, CancellationToken ct)
    {
        var outside = new HashSet<Guid>();
        if (children.Count <= AgeLookupLimit)
        {
            var born = await db.Children.AsNoTracking().Where(c => children.Contains(c.Id)).Select(c => new { c.Id, c.DateOfBirth }).ToListAsync(ct);
            outside.UnionWith(born.Where(c => !StatisticsCohort.IsOfCompulsorySchoolAge(c.DateOfBirth, year)).Select(c => c.Id));
            return outside;
        }

        // Many children: the database picks out everyone outside the age range, a sixth of an LA, in one pass.
        var (earliest, latest) = StatisticsCohort.BornBetween(year);
        await foreach (var id in db.Children.AsNoTracking().Where(c => c.DateOfBirth < earliest || c.DateOfBirth > latest).Select(c => c.Id)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (children.Contains(id))
            {
                outside.Add(id);
            }
        }

        return outside;
    }

    private readonly record struct ExistingAlert(long Id, Guid ChildId, AlertKind Kind, string Key, bool Cleared, bool Handled);

    /// <summary>
    /// Alerts still standing (whatever their year, so last year's clear), and this year's however they stand. For the
    /// whole LA (some 156,000 rows) a plain reader of just the columns compared, rather than EF's materialiser.
    /// </summary>
    private async Task<List<ExistingAlert>> ExistingAsync(AcademicYear year, HashSet<Guid>? childSet, CancellationToken ct)
    {
        if (childSet is not null)
        {
            return await db.AttendanceAlerts.AsNoTracking()
                .Where(a => MarkKinds.Contains(a.Kind) && (a.ClearedOn == null || a.RaisedOn >= year.Start) && childSet.Contains(a.ChildId))
                .Select(a => new ExistingAlert(a.Id, a.ChildId, a.Kind, a.Key, a.ClearedOn != null, a.HandledAtUtc != null))
                .ToListAsync(ct);
        }

        // Kinds are stored as their names (enum names, never user input); the date is a parameter so each provider binds it its own way.
        var kinds = string.Join(", ", MarkKinds.Select(k => $"'{k}'"));
        var sql = $"""
            SELECT "Id", "ChildId", "Kind", "Key", "ClearedOn" IS NOT NULL, "HandledAtUtc" IS NOT NULL FROM "AttendanceAlerts"
            WHERE "Kind" IN ({kinds}) AND ("ClearedOn" IS NULL OR "RaisedOn" >= @start)
            """;
        var rows = new List<ExistingAlert>();
        await ReadAsync(sql, command =>
        {
            var start = command.CreateParameter();
            start.ParameterName = "@start";
            start.Value = year.Start;
            command.Parameters.Add(start);
        }, r => rows.Add(new ExistingAlert(r.GetInt64(0), r.GetGuid(1), KindNamed(r.GetString(2)), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5))), ct);
        return rows;
    }

    private static readonly Dictionary<string, AlertKind> KindsByName = MarkKinds.ToDictionary(k => k.ToString(), StringComparer.Ordinal);

    private static AlertKind KindNamed(string name) => KindsByName[name];

    private sealed record PupilMarks(Guid ChildId, int SchoolId, byte[] Marks);

    private async Task<(List<PupilMarks> Pupils, Dictionary<int, RegisterDays> Calendars)> LoadMarksAsync(
        AcademicYear year, HashSet<Guid>? children, CancellationToken ct)
    {
        // The pupils asked for, plus the rest of their schools' registers, which say which days were school days.
        var schools = children is null
            ? null
            : await db.AttendanceYears.Where(a => a.AcademicYear == year.StartYear && children.Contains(a.ChildId))
                .Select(a => a.SchoolId).Distinct().ToListAsync(ct);
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"""SELECT "ChildId", "SchoolId", "Marks" FROM "AttendanceYears" WHERE "AcademicYear" = {year.StartYear}""");
        if (schools is not null)
        {
            sql += schools.Count == 0 ? " AND 1 = 0"
                : $""" AND "SchoolId" IN ({string.Join(", ", schools.Select(id => id.ToString(CultureInfo.InvariantCulture)))})""";
        }

        var all = new List<PupilMarks>();
        await ReadAsync(sql, r => all.Add(new PupilMarks(r.GetGuid(0), r.GetInt32(1), r.GetFieldValue<byte[]>(2))), ct);
        var calendars = SchoolCalendars(year, all);
        return (children is null ? all : [.. all.Where(p => children.Contains(p.ChildId))], calendars);
    }

    /// <summary>
    /// Reads rows with a plain data reader: the two big reads (a year of marks for every pupil, and last summer's)
    /// skip EF's query pipeline and materialiser. Only whole numbers are put in the SQL, never user input.
    /// </summary>
    private Task ReadAsync(string sql, Action<DbDataReader> row, CancellationToken ct) => ReadAsync(sql, _ => { }, row, ct);

    private async Task ReadAsync(string sql, Action<DbCommand> parameters, Action<DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            parameters(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<int, RegisterDays> SchoolCalendars(AcademicYear year, List<PupilMarks> pupils)
    {
        var calendars = new Dictionary<int, RegisterDays>();
        foreach (var pupil in pupils)
        {
            if (!calendars.TryGetValue(pupil.SchoolId, out var days))
            {
                calendars[pupil.SchoolId] = days = new RegisterDays(year);
            }

            days.Add(pupil.Marks);
        }

        return calendars;
    }

    /// <summary>
    /// In the autumn term, each child's summer-term counts from last year, to compare with. Only the summer slice
    /// of each row is read; a child at two schools last summer is compared with the school with more sessions.
    /// </summary>
    private async Task<Dictionary<Guid, SessionCounts>?> LastYearsSummerAsync(DateOnly today, HashSet<Guid>? children, CancellationToken ct)
    {
        var term = SchoolTerms.Containing(today);
        if (term.Name != TermName.Autumn)
        {
            return null;
        }

        var summer = SchoolTerms.Previous(term);
        var lastYear = summer.Year;
        var first = YearMarks.IndexOf(lastYear, summer.Start, Session.AM);
        var length = YearMarks.IndexOf(lastYear, summer.End, Session.PM) + 1 - first;
        var counts = new Dictionary<Guid, SessionCounts>();
        var buffer = new byte[YearMarks.Length];
        var marks = new YearMarks(lastYear, buffer);

        // substr counts from 1 on both SQLite and PostgreSQL.
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"""SELECT "ChildId", substr("Marks", {first + 1}, {length}) FROM "AttendanceYears" WHERE "AcademicYear" = {lastYear.StartYear}""");
        await ReadAsync(sql, r =>
        {
            var child = r.GetGuid(0);
            if (children is not null && !children.Contains(child))
            {
                return;
            }

            r.GetFieldValue<byte[]>(1).CopyTo(buffer, first);
            var sessions = marks.Count(summer.Start, summer.End);
            if (!counts.TryGetValue(child, out var before) || sessions.Possible > before.Possible)
            {
                counts[child] = sessions;
            }
        }, ct);

        return counts;
    }
}
