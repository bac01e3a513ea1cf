using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;

namespace Waymark.Data.Attendance;

/// <summary>One row of a breakdown: a group's DfE figures for the term and for the year so far.</summary>
public sealed record BreakdownRow(string Group, CohortFigures Term, CohortFigures Year);

/// <summary>A week's sessions over the cohort's enrolments, for the trend.</summary>
public sealed record WeekSessions(DateOnly Monday, SessionCounts Sessions);

public sealed record SchoolBreakdown(
    ReportingPeriod Period,
    BreakdownRow All,
    IReadOnlyList<BreakdownRow> ByYearGroup,
    IReadOnlyList<BreakdownRow> ByVulnerableGroup,
    IReadOnlyList<WeekSessions> Weeks);

public sealed record SchoolRow(int Urn, string Name, SchoolPhase Phase, CohortFigures Term, CohortFigures Year);

public sealed record LocalAuthorityBreakdown(
    ReportingPeriod Period,
    BreakdownRow All,
    IReadOnlyList<BreakdownRow> ByPhase,
    IReadOnlyList<SchoolRow> Schools);

/// <summary>
/// Attendance figures broken down for the school and LA pages: one streamed pass over a year's
/// <see cref="AttendanceYear"/> rows, projecting only the marks and the child facts a breakdown needs,
/// summing <see cref="SessionCounts"/> in memory with DfE's cohort rules (<see cref="CohortFigures"/>).
/// The statistics for the command line (AttendanceStatistics) read the same rows the same way.
/// </summary>
public sealed class AttendanceBreakdowns(WaymarkDbContext db)
{
    /// <summary>The groups the school page breaks figures down by, in the order shown.</summary>
    public static readonly IReadOnlyList<ChildStatusType> VulnerableGroups =
    [
        ChildStatusType.ChildInNeed,
        ChildStatusType.ChildProtectionPlan,
        ChildStatusType.LookedAfter,
        ChildStatusType.EhcPlan,
        ChildStatusType.SenSupport,
    ];

    public const string NoneOfTheseGroups = "None of these";

    public const string YearGroupNotKnown = "Year group not known";

    /// <summary>Academic years with any marks (for a school, or anywhere), latest first, always including the current one.</summary>
    public async Task<IReadOnlyList<AcademicYear>> YearsAsync(DateOnly today, int? schoolId = null, CancellationToken ct = default)
    {
        var current = AcademicYear.Containing(today).StartYear;
        var query = db.AttendanceYears.AsNoTracking().Where(y => y.AcademicYear <= current);
        if (schoolId is int id)
        {
            query = query.Where(y => y.SchoolId == id);
        }

        var years = await query.Select(y => y.AcademicYear).Distinct().ToListAsync(ct);
        return years.Append(current).Distinct().OrderDescending().Select(y => new AcademicYear(y)).ToList();
    }

    public async Task<SchoolBreakdown> ForSchoolAsync(int schoolId, ReportingPeriod period, CancellationToken ct = default)
    {
        var year = period.Year;
        var start = year.StartYear;
        var asOf = period.AsOf;

        // Groups as recorded on the last day of the period; a child may be in several.
        var statuses = await db.Set<ChildStatus>().AsNoTracking()
            .Where(s => VulnerableGroups.Contains(s.Type) && s.StartDate <= asOf && (s.EndDate == null || s.EndDate >= asOf)
                && db.AttendanceYears.Any(y => y.ChildId == s.ChildId && y.AcademicYear == start && y.SchoolId == schoolId))
            .Select(s => new { s.ChildId, s.Type })
            .ToListAsync(ct);
        var groupsOf = statuses.GroupBy(s => s.ChildId).ToDictionary(g => g.Key, g => g.Select(s => s.Type).Distinct().ToArray());

        var weeks = period.WeekStarts().ToArray();
        var weekly = new SessionCounts[weeks.Length];
        var all = (Term: new CohortFigures(), Year: new CohortFigures());
        var byYearGroup = new Dictionary<int, (CohortFigures Term, CohortFigures Year)>();
        var byGroup = new Dictionary<string, (CohortFigures Term, CohortFigures Year)>();

        var rows = db.AttendanceYears.AsNoTracking()
            .Where(y => y.AcademicYear == start && y.SchoolId == schoolId)
            .Select(y => new { y.ChildId, y.Marks, y.Child!.DateOfBirth, y.Child.YearGroupOffset });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!StatisticsCohort.IsOfCompulsorySchoolAge(row.DateOfBirth, year))
            {
                continue;
            }

            var marks = new YearMarks(year, row.Marks);
            var termSessions = marks.Count(period.Term.Start, asOf);
            var yearSessions = marks.Count(year.Start, asOf);
            if (yearSessions.Possible == 0)
            {
                continue;
            }

            all = Add(all, row.DateOfBirth, year, termSessions, yearSessions);
            var ncYear = Domain.Calendar.NationalCurriculumYear.ForChild(row.DateOfBirth, year, row.YearGroupOffset)?.Value ?? int.MinValue;
            byYearGroup[ncYear] = Add(byYearGroup.GetValueOrDefault(ncYear), row.DateOfBirth, year, termSessions, yearSessions);

            var groups = groupsOf.TryGetValue(row.ChildId, out var found) ? found.Select(ChildStatusTypes.DisplayName).ToArray() : [NoneOfTheseGroups];
            foreach (var group in groups)
            {
                byGroup[group] = Add(byGroup.GetValueOrDefault(group), row.DateOfBirth, year, termSessions, yearSessions);
            }

            for (var w = 0; w < weeks.Length; w++)
            {
                weekly[w] += marks.Count(weeks[w], weeks[w].AddDays(4) > asOf ? asOf : weeks[w].AddDays(4));
            }
        }

        var yearGroupRows = byYearGroup.OrderBy(g => g.Key == int.MinValue).ThenBy(g => g.Key)
            .Select(g => new BreakdownRow(g.Key == int.MinValue ? YearGroupNotKnown : new NcYear(g.Key).DisplayName, g.Value.Term, g.Value.Year))
            .ToList();
        var groupRows = VulnerableGroups.Select(ChildStatusTypes.DisplayName).Append(NoneOfTheseGroups)
            .Select(name => byGroup.TryGetValue(name, out var f) ? new BreakdownRow(name, f.Term, f.Year) : new BreakdownRow(name, default, default))
            .ToList();
        return new SchoolBreakdown(period, new BreakdownRow("All pupils", all.Term, all.Year), yearGroupRows, groupRows,
            weeks.Select((monday, i) => new WeekSessions(monday, weekly[i])).ToList());
    }

    /// <summary>Every school's figures and the phases', for the LA view. Open schools without marks are listed with none.</summary>
    public async Task<LocalAuthorityBreakdown> ForLocalAuthorityAsync(ReportingPeriod period, CancellationToken ct = default)
    {
        var year = period.Year;
        var start = year.StartYear;
        var schools = await db.Schools.AsNoTracking()
            .Where(s => s.IsOpen || db.AttendanceYears.Any(y => y.SchoolId == s.Id && y.AcademicYear == start))
            .Select(s => new { s.Id, s.Urn, s.Name, s.Phase })
            .ToListAsync(ct);
        var bySchool = new Dictionary<int, (CohortFigures Term, CohortFigures Year)>();

        var rows = db.AttendanceYears.AsNoTracking()
            .Where(y => y.AcademicYear == start)
            .Select(y => new { y.SchoolId, y.Marks, y.Child!.DateOfBirth });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!StatisticsCohort.IsOfCompulsorySchoolAge(row.DateOfBirth, year))
            {
                continue;
            }

            var marks = new YearMarks(year, row.Marks);
            bySchool[row.SchoolId] = Add(bySchool.GetValueOrDefault(row.SchoolId), row.DateOfBirth, year,
                marks.Count(period.Term.Start, period.AsOf), marks.Count(year.Start, period.AsOf));
        }

        var schoolRows = schools
            .Select(s => bySchool.TryGetValue(s.Id, out var f) ? new SchoolRow(s.Urn, s.Name, s.Phase, f.Term, f.Year) : new SchoolRow(s.Urn, s.Name, s.Phase, default, default))
            .ToList();
        var phaseRows = schoolRows.GroupBy(s => s.Phase).OrderBy(g => g.Key)
            .Select(g => new BreakdownRow(SchoolPhases.DisplayName(g.Key), Sum(g.Select(s => s.Term)), Sum(g.Select(s => s.Year))))
            .Where(r => r.Year.Enrolments > 0)
            .ToList();
        var all = new BreakdownRow("All schools", Sum(schoolRows.Select(s => s.Term)), Sum(schoolRows.Select(s => s.Year)));
        return new LocalAuthorityBreakdown(period, all, phaseRows, schoolRows);
    }

    private static (CohortFigures Term, CohortFigures Year) Add((CohortFigures Term, CohortFigures Year) figures, DateOnly dateOfBirth,
        AcademicYear year, SessionCounts term, SessionCounts wholeYear) =>
        (figures.Term.Add(dateOfBirth, year, term), figures.Year.Add(dateOfBirth, year, wholeYear));

    private static CohortFigures Sum(IEnumerable<CohortFigures> figures) => figures.Aggregate(new CohortFigures(), (a, b) => a + b);
}
