using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Entities;

/// <summary>
/// A pupil's register marks at one school for one academic year: the <see cref="YearMarks"/> bytes.
/// One row per pupil, school and year; corrections rewrite the bytes and leave an <see cref="AttendanceMarkChange"/>.
/// </summary>
public class AttendanceYear
{
    public long Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    /// <summary>The year the academic year starts in, e.g. 2026 for 2026/27.</summary>
    public int AcademicYear { get; set; }

    public byte[] Marks { get; set; } = new byte[YearMarks.Length];

    public DateTime UpdatedAtUtc { get; set; }

    public YearMarks ToYearMarks() => new(new AcademicYear(AcademicYear), Marks);
}

/// <summary>A mark that replaced an earlier one for the same pupil, school, date and session.</summary>
public class AttendanceMarkChange
{
    public long Id { get; set; }

    public Guid ChildId { get; set; }

    public int SchoolId { get; set; }

    public DateOnly Date { get; set; }

    public Session Session { get; set; }

    public required string OldCode { get; set; }

    /// <summary>Null when the mark was removed.</summary>
    public string? NewCode { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>The user who made the change, when it was made in Waymark.</summary>
    public string? ChangedByUserId { get; set; }

    /// <summary>Where the change came from, e.g. "import attendance autumn.csv" or "register correction".</summary>
    public required string Source { get; set; }
}
