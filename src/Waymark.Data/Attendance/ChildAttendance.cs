using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Attendance;

/// <summary>One child's sessions from their register marks, at every school they were on the roll of.</summary>
public static class ChildAttendance
{
    public static async Task<SessionCounts> CountAsync(WaymarkDbContext db, Guid childId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (from > to)
        {
            return default;
        }

        var firstYear = AcademicYear.Containing(from).StartYear;
        var lastYear = AcademicYear.Containing(to).StartYear;
        var years = await db.AttendanceYears.AsNoTracking()
            .Where(y => y.ChildId == childId && y.AcademicYear >= firstYear && y.AcademicYear <= lastYear)
            .Select(y => new { y.AcademicYear, y.Marks })
            .ToListAsync(ct);
        return years.Aggregate(default(SessionCounts), (sum, y) => sum + new YearMarks(new AcademicYear(y.AcademicYear), y.Marks).Count(from, to));
    }
}
