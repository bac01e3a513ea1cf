using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Web.Features.Attendance.ChildAttendance;

/// <summary>One register session as the calendar shows it; <see cref="Code"/> is null for no mark.</summary>
public sealed record MarkCell(DateOnly Date, Session Session, AttendanceCode? Code, bool InPeriod)
{
    public string Shown => Code?.ShownFor(Session) ?? "";

    /// <summary>Words for the cell, so the calendar never relies on colour or a symbol alone.</summary>
    public string Described => !InPeriod ? "Not in this period" : Code is null ? "No mark" : $"{Code.Code}: {Code.Meaning}";

    public string CssClass => Code is null ? "waymark-mark--none" : MarkCalendar.CssClass(Code.Category);
}

/// <summary>A school week, Monday to Friday, AM and PM: ten cells.</summary>
public sealed record MarkWeek(DateOnly Monday, IReadOnlyList<MarkCell> Cells);

/// <summary>A year of one school's marks for a child as a calendar: a row per week, a cell per session.</summary>
public sealed record MarkCalendar(string SchoolName, IReadOnlyList<MarkWeek> Weeks)
{
    public static readonly DayOfWeek[] SchoolDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static MarkCalendar Build(string schoolName, YearMarks marks, ReportingPeriod period)
    {
        var weeks = new List<MarkWeek>();
        foreach (var monday in period.WeekStarts())
        {
            var cells = new List<MarkCell>(10);
            for (var d = 0; d < 5; d++)
            {
                var date = monday.AddDays(d);
                var inPeriod = date >= period.Year.Start && date <= period.AsOf;
                cells.Add(new MarkCell(date, Session.AM, inPeriod ? marks[date, Session.AM] : null, inPeriod));
                cells.Add(new MarkCell(date, Session.PM, inPeriod ? marks[date, Session.PM] : null, inPeriod));
            }

            weeks.Add(new MarkWeek(monday, cells));
        }

        // A finished year ends with the summer holiday: leave off the weeks after the last mark.
        if (period.IsWholeYear)
        {
            var last = weeks.FindLastIndex(w => w.Cells.Any(c => c.Code is not null));
            weeks.RemoveRange(last + 1, weeks.Count - last - 1);
        }

        return new MarkCalendar(schoolName, weeks);
    }

    public static string CssClass(AttendanceCategory category) => category switch
    {
        AttendanceCategory.Present => "waymark-mark--present",
        AttendanceCategory.ApprovedEducationalActivity => "waymark-mark--aea",
        AttendanceCategory.AuthorisedAbsence => "waymark-mark--authorised",
        AttendanceCategory.UnauthorisedAbsence => "waymark-mark--unauthorised",
        _ => "waymark-mark--not-counted",
    };

    public static string DisplayName(AttendanceCategory category) => category switch
    {
        AttendanceCategory.Present => "Present",
        AttendanceCategory.ApprovedEducationalActivity => "Approved educational activity (counts as attendance)",
        AttendanceCategory.AuthorisedAbsence => "Authorised absence",
        AttendanceCategory.UnauthorisedAbsence => "Unauthorised absence",
        _ => "Not counted in possible sessions",
    };
}
