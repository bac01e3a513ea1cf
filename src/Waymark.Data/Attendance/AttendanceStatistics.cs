using System.Linq.Expressions;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Attendance;

/// <summary>One pupil's sessions in a date range, summed over every school and year of marks the query reads.</summary>
public sealed record PupilAttendance(Guid ChildId, string? Upn, SessionCounts Sessions)
{
    public bool IsPersistentlyAbsent => Sessions.IsPersistentlyAbsent;

    public bool IsSeverelyAbsent => Sessions.IsSeverelyAbsent;
}

/// <summary>A school's (key: URN) or LA's (key: LA number) figures over DfE's statistics cohort.</summary>
public sealed record GroupAttendance(int Key, CohortFigures Figures);

public sealed record AttendanceFigures(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<PupilAttendance> Pupils,
    IReadOnlyList<GroupAttendance> Schools,
    IReadOnlyList<GroupAttendance> LocalAuthorities);

/// <summary>
/// Attendance statistics for a date range (standards §2.2), read straight from the stored years of marks:
/// one pass over the <see cref="AttendanceYear"/> rows, projecting only the bytes and the two child fields
/// needed, so 200,000 pupils never become tracked entities.
/// <list type="bullet">
/// <item>Pupil figures: every pupil with a possible session in the range, whatever their age, summed over schools.</item>
/// <item>School and LA figures: DfE's cohort. An enrolment is one pupil at one school in one academic year
/// (one <see cref="AttendanceYear"/> row) with possible sessions in the range, counted only when the pupil was
/// aged 5 to 15 on the 31 August before that year (<see cref="StatisticsCohort"/>). The LA key is the school's
/// LA number, so pupils at another LA's schools are reported under that LA.</item>
/// </list>
/// </summary>
public sealed class AttendanceStatistics(WaymarkDbContext db)
{
    /// <summary>
    /// The figures for <paramref name="from"/> to <paramref name="to"/> inclusive, for the years of marks that
    /// <paramref name="where"/> allows (all when null): pages pass the user's scope, the CLI a school.
    /// Pupils come sorted by UPN (ordinal, pupils without one last), schools by URN, LAs by number.
    /// </summary>
    public async Task<AttendanceFigures> ComputeAsync(DateOnly from, DateOnly to, Expression<Func<AttendanceYear, bool>>? where = null,
        CancellationToken ct = default)
    {
        if (from > to)
        {
            throw new ArgumentException($"The range starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).", nameof(to));
        }

        var schools = await db.Schools.AsNoTracking()
            .Select(s => new { s.Id, s.Urn, s.LaCode })
            .ToDictionaryAsync(s => s.Id, s => (s.Urn, s.LaCode), ct);

        var firstYear = AcademicYear.Containing(from).StartYear;
        var lastYear = AcademicYear.Containing(to).StartYear;
        IQueryable<AttendanceYear> years = db.AttendanceYears.AsNoTracking()
            .Where(y => y.AcademicYear >= firstYear && y.AcademicYear <= lastYear);
        if (where is not null)
        {
            years = years.Where(where);
        }

        // Children apart from the marks: a join would repeat their columns on every row, which is slower on both
        // providers. Unfiltered, reading every child is cheaper than asking which ones have marks.
        var children = await (where is null ? db.Children : db.Children.Where(c => years.Select(y => y.ChildId).Contains(c.Id)))
            .AsNoTracking()
            .Select(c => new { c.Id, c.Upn, c.DateOfBirth })
            .ToDictionaryAsync(c => c.Id, c => (c.Upn, c.DateOfBirth), ct);
        var rows = years.Select(y => new { y.ChildId, y.SchoolId, y.AcademicYear, y.Marks });

        var pupils = new Dictionary<Guid, (string? Upn, SessionCounts Sessions)>();
        var bySchool = new Dictionary<int, CohortFigures>();
        var byLa = new Dictionary<int, CohortFigures>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var year = new AcademicYear(row.AcademicYear);
            var sessions = new YearMarks(year, row.Marks).Count(from, to);
            if (sessions.Possible == 0)
            {
                continue;
            }

            if (!children.TryGetValue(row.ChildId, out var child))
            {
                continue; // added while we read; it will be in the next run
            }

            ref var pupil = ref CollectionsMarshal.GetValueRefOrAddDefault(pupils, row.ChildId, out var seen);
            pupil = seen ? (pupil.Upn, pupil.Sessions + sessions) : (child.Upn, sessions);

            if (schools.TryGetValue(row.SchoolId, out var school))
            {
                ref var forSchool = ref CollectionsMarshal.GetValueRefOrAddDefault(bySchool, school.Urn, out _);
                forSchool = forSchool.Add(child.DateOfBirth, year, sessions);
                ref var forLa = ref CollectionsMarshal.GetValueRefOrAddDefault(byLa, school.LaCode, out _);
                forLa = forLa.Add(child.DateOfBirth, year, sessions);
            }
        }

        var pupilList = pupils
            .Select(p => new PupilAttendance(p.Key, p.Value.Upn, p.Value.Sessions))
            .OrderBy(p => p.Upn is null)
            .ThenBy(p => p.Upn, StringComparer.Ordinal)
            .ThenBy(p => p.ChildId)
            .ToList();
        return new AttendanceFigures(from, to, pupilList, ToGroups(bySchool), ToGroups(byLa));
    }

    // A school whose every pupil is outside the cohort (a nursery, say) has no figures to report.
    private static List<GroupAttendance> ToGroups(Dictionary<int, CohortFigures> groups) => groups
        .Where(g => g.Value.Enrolments > 0)
        .OrderBy(g => g.Key)
        .Select(g => new GroupAttendance(g.Key, g.Value))
        .ToList();
}
