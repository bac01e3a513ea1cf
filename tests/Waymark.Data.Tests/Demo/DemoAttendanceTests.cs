using Microsoft.EntityFrameworkCore;
using Waymark.Data.Demo;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Tests.Demo;

public abstract partial class DemoDataTests
{
    [Fact]
    public async Task Attendance_looks_like_an_English_LA_with_national_rates_of_persistent_absence()
    {
        await using var db = seeded.Database.CreateContext();
        var lastYear = new AcademicYear(SeededDemoDatabase.Year.StartYear - 1);
        var years = await db.AttendanceYears.AsNoTracking().Where(y => y.AcademicYear == lastYear.StartYear).ToListAsync();
        var counts = years.Select(y => y.ToYearMarks().CountAll()).Where(c => c.Possible > 0).ToList();
        var total = counts.Aggregate(default(SessionCounts), (a, b) => a + b);

        // DfE 2024/25: about 93% attendance nationally, around one pupil in five persistently absent.
        Assert.InRange(total.AttendanceRate!.Value, 92m, 96m);
        Assert.InRange(counts.Count(c => c.IsPersistentlyAbsent) / (double)counts.Count, 0.12, 0.28);
        Assert.InRange(total.Possible / (double)counts.Count, 340, 385);
        Assert.True(total.ApprovedEducationalActivity > 0 && total.Unauthorised > 0 && total.NotCounted > 0);
    }

    [Fact]
    public async Task Marks_stop_before_today_and_follow_the_term_calendar()
    {
        await using var db = seeded.Database.CreateContext();
        var calendar = new DemoSchoolCalendar(SeededDemoDatabase.Year);
        var thisYear = await db.AttendanceYears.AsNoTracking()
            .Where(y => y.AcademicYear == SeededDemoDatabase.Year.StartYear).Take(300).ToListAsync();
        Assert.NotEmpty(thisYear);
        foreach (var row in thisYear)
        {
            foreach (var (date, _, _) in row.ToYearMarks().Marked(SeededDemoDatabase.Year.Start, SeededDemoDatabase.Year.End))
            {
                Assert.True(date < Today, $"{date} is not before {Today}");
                Assert.True(calendar.IsSchoolDay(date), $"{date} is not a school day");
            }
        }
    }

    [Fact]
    public async Task Replaced_N_marks_are_kept_as_corrections_and_some_recent_ones_still_wait()
    {
        await using var db = seeded.Database.CreateContext();
        var corrections = await db.AttendanceMarkChanges.AsNoTracking().Take(500).ToListAsync();
        Assert.NotEmpty(corrections);
        Assert.All(corrections, c => Assert.Equal("N", c.OldCode));
        var correction = corrections[0];
        var row = await db.AttendanceYears.AsNoTracking().SingleAsync(y =>
            y.ChildId == correction.ChildId && y.SchoolId == correction.SchoolId && y.AcademicYear == AcademicYear.Containing(correction.Date).StartYear);
        Assert.Equal(correction.NewCode, row.ToYearMarks()[correction.Date, correction.Session]!.Code);

        var thisYear = await db.AttendanceYears.AsNoTracking().Where(y => y.AcademicYear == SeededDemoDatabase.Year.StartYear).ToListAsync();
        Assert.Contains(thisYear, y => y.ToYearMarks().Count(AttendanceCodes.NotYetEstablished, Today.AddDays(-7), Today) > 0);
    }
}
