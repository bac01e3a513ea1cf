using Waymark.Data.Attendance;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Web.Bench;

/// <summary>What the statistics step found, printed so DuckDB's figures can be checked against it.</summary>
internal sealed record BenchFigures(long Marks, int Pupils, int PupilsPersistentlyAbsent, int Schools, CohortFigures La);

/// <summary>
/// The benchmark's statistics step: the same <see cref="AttendanceStatistics"/> that <c>waymark attendance stats</c>
/// runs, for the whole year, pupil, school and LA figures in one pass; summed here only to print a check line.
/// </summary>
internal static class BenchStatistics
{
    public static async Task<BenchFigures> ComputeAsync(AttendanceStatistics statistics, AcademicYear year, CancellationToken ct)
    {
        var figures = await statistics.ComputeAsync(year.Start, year.End, ct: ct);
        var marks = figures.Pupils.Sum(p => (long)p.Sessions.Possible + p.Sessions.NotCounted);
        var la = figures.LocalAuthorities.Aggregate(default(CohortFigures), (sum, g) => sum + g.Figures);
        return new BenchFigures(marks, figures.Pupils.Count, figures.Pupils.Count(p => p.IsPersistentlyAbsent), figures.Schools.Count, la);
    }
}
