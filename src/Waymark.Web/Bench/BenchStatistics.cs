using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Web.Bench;

/// <summary>What the statistics step found, printed so DuckDB's figures can be checked against it.</summary>
internal sealed record BenchFigures(long Marks, int Pupils, int PupilsPersistentlyAbsent, int Schools, int CohortEnrolments, SessionCounts La, int PersistentlyAbsent, int SeverelyAbsent)
{
    public decimal? PersistentAbsenceRate => Rates.Percent(PersistentlyAbsent, CohortEnrolments);

    public decimal? SevereAbsenceRate => Rates.Percent(SeverelyAbsent, CohortEnrolments);
}

/// <summary>
/// The benchmark's statistics step: every pupil's counts and rates, every school's and the LA's, with DfE's cohort
/// rule (aged 5 to 15) for school and LA figures. SEAM: this is a minimal stand-in computed straight from the stored
/// years with the domain's <see cref="YearMarks.Count"/>; swap the body for the shared <c>AttendanceStatistics</c>
/// (branch i4-stats) once it is merged, so the benchmark times the code `waymark attendance stats` runs.
/// </summary>
internal static class BenchStatistics
{
    public static async Task<BenchFigures> ComputeAsync(WaymarkDbContext db, AcademicYear year, CancellationToken ct)
    {
        var births = new Dictionary<Guid, DateOnly>();
        await foreach (var child in db.Children.AsNoTracking().Select(c => new { c.Id, c.DateOfBirth }).AsAsyncEnumerable().WithCancellation(ct))
        {
            births[child.Id] = child.DateOfBirth;
        }

        long marks = 0;
        var pupils = new Dictionary<Guid, SessionCounts>();
        var schools = new Dictionary<int, (int Enrolments, SessionCounts Counts, int Persistent, int Severe)>();
        await foreach (var row in db.AttendanceYears.AsNoTracking().Where(y => y.AcademicYear == year.StartYear)
                           .Select(y => new { y.ChildId, y.SchoolId, y.Marks }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var counts = new YearMarks(year, row.Marks).CountAll();
            marks += counts.Possible + counts.NotCounted;
            pupils[row.ChildId] = pupils.GetValueOrDefault(row.ChildId) + counts;
            if (births.TryGetValue(row.ChildId, out var born) && StatisticsCohort.Counts(born, year, counts))
            {
                var school = schools.GetValueOrDefault(row.SchoolId);
                schools[row.SchoolId] = (school.Enrolments + 1, school.Counts + counts,
                    school.Persistent + (counts.IsPersistentlyAbsent ? 1 : 0), school.Severe + (counts.IsSeverelyAbsent ? 1 : 0));
            }
        }

        // Pupil level: everyone, whatever their age (DfE's cohort rule is for school and LA figures).
        var pupilsPersistent = pupils.Values.Count(c => c.IsPersistentlyAbsent);

        var la = default(SessionCounts);
        int enrolments = 0, persistent = 0, severe = 0;
        foreach (var school in schools.Values)
        {
            la += school.Counts;
            enrolments += school.Enrolments;
            persistent += school.Persistent;
            severe += school.Severe;
        }

        return new BenchFigures(marks, pupils.Count, pupilsPersistent, schools.Count, enrolments, la, persistent, severe);
    }
}
