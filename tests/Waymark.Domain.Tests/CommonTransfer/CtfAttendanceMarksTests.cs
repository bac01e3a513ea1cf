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

    [Fact]
    public void Marks_run_from_the_first_marked_day_to_the_last()
    {
        var marks = CtfAttendanceMarks.From(HalfTerm())!;

        Assert.Equal(new DateOnly(2025, 9, 3), marks.StartDate);
        Assert.Equal(new DateOnly(2025, 10, 24), marks.EndDate);
        // 52 days of two sessions, plus one character each for C1, C2 and Y1.
        Assert.Equal((52 * 2) + 3, marks.Marks.Length);
    }

    [Fact]
    public void The_first_week_reads_character_by_character()
    {
        var marks = CtfAttendanceMarks.From(HalfTerm())!.Marks;

        // Wednesday to Friday present, the weekend not in session, Monday present.
        Assert.StartsWith("/\\/\\/\\####/\\", marks, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_character_codes_keep_both_characters_and_an_unmarked_weekday_is_a_dash()
    {
        var marks = CtfAttendanceMarks.From(HalfTerm())!.Marks;

        Assert.Contains("C1C2", marks, StringComparison.Ordinal);
        Assert.Contains("LY1", marks, StringComparison.Ordinal);
        Assert.EndsWith("/-", marks, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_reads_back_exactly_the_marks_held()
    {
        var held = HalfTerm();
        var written = CtfAttendanceMarks.From(held)!;

        var read = CtfMarksReader.Read(written.StartDate, written.Marks, out var problem);

        Assert.Null(problem);
        var expected = held.Marked(new DateOnly(2025, 8, 1), new DateOnly(2026, 7, 31)).Select(m => (m.Date, m.Session, Code: m.Code.Code)).ToList();
        var actual = read!.Sessions
            .Select(s => (s.Date, s.Session, Code: s.Mark is "/" or "\\" ? "/" : s.Mark))
            .ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(written.EndDate, read.LastDay);
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
        Assert.Equal("-M", ctf.Marks);
    }

    [Theory]
    [InlineData("/", Session.AM, "/")]
    [InlineData("/", Session.PM, "\\")]
    [InlineData("\\", Session.AM, "/")]
    [InlineData("C1", Session.AM, "C1")]
    [InlineData("C2", Session.PM, "C2")]
    [InlineData("J1", Session.AM, "J1")]
    [InlineData("Y7", Session.PM, "Y7")]
    [InlineData("#", Session.AM, "#")]
    [InlineData("G", Session.PM, "G")]
    public void Each_code_is_written_as_the_reader_reads_it(string code, Session session, string expected) =>
        Assert.Equal(expected, CtfAttendanceMarks.For(AttendanceCodes.Get(code), session));

    [Theory]
    [InlineData(2025, 9, 6, '#')]
    [InlineData(2025, 9, 7, '#')]
    [InlineData(2025, 9, 8, '-')]
    [InlineData(2025, 12, 25, '-')]
    public void Only_a_weekend_is_written_as_not_in_session(int year, int month, int day, char expected) =>
        Assert.Equal(expected, CtfAttendanceMarks.Unmarked(new DateOnly(year, month, day)));
}
