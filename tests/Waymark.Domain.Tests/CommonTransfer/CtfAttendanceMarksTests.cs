using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Tests.Attendance;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfAttendanceMarksTests
{
    private static readonly AcademicYear Year = new(2025);

    /// <summary>
    /// The autumn first half term of 2025: Wednesday 3 September to Friday 24 October, present every weekday except
    /// illness on 15 September, N on the morning of 16 September, C1 and C2 on 2 October, a planned closure on
    /// 10 October, late then Y1 on 22 October, and no afternoon mark yet on 24 October.
    /// </summary>
    public static YearMarks HalfTerm()
    {
        var marks = new MarksBuilder(Year)
            .Days(new DateOnly(2025, 9, 3), 38, "/")
            .Mark(new DateOnly(2025, 9, 15), Session.AM, "I").Mark(new DateOnly(2025, 9, 15), Session.PM, "I")
            .Mark(new DateOnly(2025, 9, 16), Session.AM, "N")
            .Mark(new DateOnly(2025, 10, 2), Session.AM, "C1").Mark(new DateOnly(2025, 10, 2), Session.PM, "C2")
            .Mark(new DateOnly(2025, 10, 10), Session.AM, "#").Mark(new DateOnly(2025, 10, 10), Session.PM, "#")
            .Mark(new DateOnly(2025, 10, 22), Session.AM, "L").Mark(new DateOnly(2025, 10, 22), Session.PM, "Y1")
            .Marks;
        marks.Set(new DateOnly(2025, 10, 24), Session.PM, null);
        return marks;
    }

    private static string DayOf(CtfMarks marks, DateOnly date)
    {
        var index = (date.DayNumber - marks.StartDate.DayNumber) * 2;
        return marks.Marks.Substring(index, 2);
    }

    [Fact]
    public void Marks_run_from_the_first_marked_day_to_the_last_two_characters_a_day()
    {
        var marks = CtfAttendanceMarks.From(HalfTerm())!;

        Assert.Equal(new DateOnly(2025, 9, 3), marks.StartDate);
        Assert.Equal(new DateOnly(2025, 10, 24), marks.EndDate);
        Assert.Equal(52 * 2, marks.Marks.Length);
    }

    [Theory]
    [InlineData(2025, 9, 3, "/\\")]
    [InlineData(2025, 9, 5, "/\\")]
    [InlineData(2025, 9, 6, "##")]
    [InlineData(2025, 9, 7, "##")]
    [InlineData(2025, 9, 15, "II")]
    [InlineData(2025, 9, 16, "N\\")]
    [InlineData(2025, 10, 2, "CC")]
    [InlineData(2025, 10, 10, "##")]
    [InlineData(2025, 10, 22, "LY")]
    [InlineData(2025, 10, 24, "/#")]
    public void Each_day_is_its_morning_then_afternoon_mark(int year, int month, int day, string expected)
    {
        var marks = CtfAttendanceMarks.From(HalfTerm())!;

        Assert.Equal(expected, DayOf(marks, new DateOnly(year, month, day)));
    }

    [Fact]
    public void The_first_week_reads_character_by_character()
    {
        var marks = CtfAttendanceMarks.From(HalfTerm())!.Marks;

        // Wednesday to Friday present, the weekend not in session, Monday present.
        Assert.Equal('/', marks[0]);
        Assert.Equal('\\', marks[1]);
        Assert.Equal('/', marks[4]);
        Assert.Equal('\\', marks[5]);
        Assert.Equal('#', marks[6]);
        Assert.Equal('#', marks[9]);
        Assert.Equal('/', marks[10]);
        Assert.Equal('\\', marks[11]);
    }

    [Fact]
    public void A_year_with_no_marks_gives_nothing() => Assert.Null(CtfAttendanceMarks.From(new YearMarks(Year)));

    [Fact]
    public void A_single_afternoon_mark_starts_on_that_days_morning()
    {
        var marks = new YearMarks(Year);
        marks.Set(new DateOnly(2026, 1, 5), Session.PM, AttendanceCodes.Get("M"));

        var ctf = CtfAttendanceMarks.From(marks)!;

        Assert.Equal(new DateOnly(2026, 1, 5), ctf.StartDate);
        Assert.Equal("#M", ctf.Marks);
    }

    [Theory]
    [InlineData("/", Session.AM, '/')]
    [InlineData("/", Session.PM, '\\')]
    [InlineData("\\", Session.AM, '/')]
    [InlineData("C1", Session.AM, 'C')]
    [InlineData("C2", Session.PM, 'C')]
    [InlineData("J1", Session.AM, 'J')]
    [InlineData("Y7", Session.PM, 'Y')]
    [InlineData("#", Session.AM, '#')]
    [InlineData("G", Session.PM, 'G')]
    public void Every_code_is_one_character(string code, Session session, char expected) =>
        Assert.Equal(expected, CtfAttendanceMarks.For(AttendanceCodes.Get(code), session));
}
