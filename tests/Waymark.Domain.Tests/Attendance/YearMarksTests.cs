using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

public class YearMarksTests
{
    private static readonly AcademicYear Year = new(2025);

    private static AttendanceCode C(string code) => AttendanceCodes.Get(code);

    [Fact]
    public void Sessions_are_two_bytes_a_day_from_1_September()
    {
        Assert.Equal(732, YearMarks.Length);
        Assert.Equal(0, YearMarks.IndexOf(Year, new DateOnly(2025, 9, 1), Session.AM));
        Assert.Equal(1, YearMarks.IndexOf(Year, new DateOnly(2025, 9, 1), Session.PM));
        Assert.Equal(2, YearMarks.IndexOf(Year, new DateOnly(2025, 9, 2), Session.AM));
        Assert.Equal(729, YearMarks.IndexOf(Year, new DateOnly(2026, 8, 31), Session.PM));
        Assert.Equal(new DateOnly(2025, 9, 2), YearMarks.DateAt(Year, 3));
    }

    [Fact]
    public void A_leap_year_uses_all_366_days()
    {
        var leap = new AcademicYear(2027); // 29 February 2028

        Assert.Equal(731, YearMarks.IndexOf(leap, new DateOnly(2028, 8, 31), Session.PM));
        Assert.Equal(new DateOnly(2028, 2, 29), YearMarks.DateAt(leap, YearMarks.IndexOf(leap, new DateOnly(2028, 2, 29), Session.AM)));
    }

    [Fact]
    public void Dates_outside_the_year_cannot_be_indexed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMarks.IndexOf(Year, new DateOnly(2025, 8, 31), Session.PM));
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMarks.IndexOf(Year, new DateOnly(2026, 9, 1), Session.AM));
        var marks = new YearMarks(Year);
        Assert.Throws<ArgumentOutOfRangeException>(() => marks.Set(new DateOnly(2026, 9, 1), Session.AM, AttendanceCodes.Present));
    }

    [Fact]
    public void Only_a_732_byte_array_is_a_year_of_marks()
    {
        Assert.Throws<ArgumentException>(() => new YearMarks(Year, new byte[730]));
        Assert.Throws<ArgumentNullException>(() => new YearMarks(Year, null!));
    }

    [Fact]
    public void Set_stores_the_value_and_returns_the_old_one()
    {
        var marks = new YearMarks(Year);
        var day = new DateOnly(2025, 9, 3);

        Assert.False(marks.HasAnyMark);
        Assert.Equal(AttendanceCodes.NoMark, marks.Set(day, Session.PM, AttendanceCodes.NotYetEstablished));
        Assert.Equal(AttendanceCodes.NotYetEstablished.Value, marks.Set(day, Session.PM, AttendanceCodes.Illness));
        Assert.Same(AttendanceCodes.Illness, marks[day, Session.PM]);
        Assert.Null(marks[day, Session.AM]);
        Assert.Equal(AttendanceCodes.Illness.Value, marks.Bytes[5]);
        Assert.True(marks.HasAnyMark);
        Assert.Equal(AttendanceCodes.Illness.Value, marks.Set(day, Session.PM, null));
        Assert.False(marks.HasAnyMark);
    }

    [Fact]
    public void Count_sorts_sessions_into_categories_over_an_inclusive_range()
    {
        var marks = new YearMarks(Year);
        var monday = new DateOnly(2025, 9, 8);
        marks.Set(monday, Session.AM, C("/"));
        marks.Set(monday, Session.PM, C("L"));
        marks.Set(monday.AddDays(1), Session.AM, C("V"));
        marks.Set(monday.AddDays(1), Session.PM, C("I"));
        marks.Set(monday.AddDays(2), Session.AM, C("N"));
        marks.Set(monday.AddDays(2), Session.PM, C("Y3"));
        marks.Set(monday.AddDays(3), Session.AM, C("G"));
        marks.Set(monday.AddDays(3), Session.PM, C("#"));

        Assert.Equal(new SessionCounts(2, 1, 1, 2, 2), marks.Count(monday, monday.AddDays(3)));
        Assert.Equal(new SessionCounts(2, 1, 1, 0, 0), marks.Count(monday, monday.AddDays(1)));
        Assert.Equal(new SessionCounts(0, 0, 0, 1, 1), marks.Count(monday.AddDays(3), monday.AddDays(3)));
        Assert.Equal(new SessionCounts(2, 1, 1, 2, 2), marks.CountAll());
        Assert.Equal(default, marks.Count(monday.AddDays(1), monday));
    }

    [Fact]
    public void Every_code_is_counted_in_its_own_category()
    {
        foreach (var code in AttendanceCodes.All)
        {
            var marks = new YearMarks(Year);
            marks.Set(new DateOnly(2026, 2, 10), Session.PM, code);

            Assert.Equal(default(SessionCounts).With(code.Category), marks.CountAll());
        }
    }

    [Fact]
    public void Ranges_are_clipped_to_the_year()
    {
        var marks = new YearMarks(Year);
        marks.Set(Year.Start, Session.AM, C("/"));
        marks.Set(Year.End, Session.PM, C("O"));

        Assert.Equal(new SessionCounts(1, 0, 0, 1, 0), marks.Count(new DateOnly(2000, 1, 1), new DateOnly(2099, 1, 1)));
        Assert.Equal(new SessionCounts(1, 0, 0, 0, 0), marks.Count(new DateOnly(2025, 1, 1), Year.Start));
        Assert.Equal(new SessionCounts(0, 0, 0, 1, 0), marks.Count(Year.End, new DateOnly(2026, 12, 31)));
        Assert.Equal(default, marks.Count(new DateOnly(2024, 9, 1), new DateOnly(2025, 8, 31)));
        Assert.Equal(default, marks.Count(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(0, marks.Count(C("O"), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)));
        Assert.Empty(marks.Marked(new DateOnly(2024, 1, 1), new DateOnly(2025, 8, 31)));
    }

    [Fact]
    public void Count_of_one_code_and_the_marked_sessions_in_order()
    {
        var marks = new YearMarks(Year);
        var day = new DateOnly(2025, 10, 6);
        marks.Set(day, Session.AM, C("N"));
        marks.Set(day, Session.PM, C("N"));
        marks.Set(day.AddDays(7), Session.PM, C("N"));
        marks.Set(day.AddDays(8), Session.AM, C("I"));

        Assert.Equal(3, marks.Count(AttendanceCodes.NotYetEstablished, Year.Start, Year.End));
        Assert.Equal(2, marks.Count(AttendanceCodes.NotYetEstablished, day, day.AddDays(6)));
        Assert.Equal(1, marks.Count(AttendanceCodes.NotYetEstablished, day.AddDays(7), day.AddDays(7)));
        Assert.Equal(
            [(day, Session.AM, C("N")), (day, Session.PM, C("N")), (day.AddDays(7), Session.PM, C("N")), (day.AddDays(8), Session.AM, C("I"))],
            marks.Marked(Year.Start, Year.End).ToList());
        Assert.Equal([(day.AddDays(7), Session.PM, C("N"))], marks.Marked(day.AddDays(7), day.AddDays(7)).ToList());
    }

    [Fact]
    public void School_days_have_a_mark_other_than_a_planned_closure()
    {
        var marks = new YearMarks(Year);
        var monday = new DateOnly(2025, 9, 8);
        marks.Set(monday, Session.AM, C("/"));
        marks.Set(monday, Session.PM, C("/"));
        marks.Set(monday.AddDays(1), Session.AM, C("#"));
        marks.Set(monday.AddDays(1), Session.PM, C("#"));
        marks.Set(monday.AddDays(2), Session.PM, C("N")); // only an afternoon mark still makes a school day
        marks.Set(monday.AddDays(3), Session.AM, C("#"));
        marks.Set(monday.AddDays(3), Session.PM, C("I"));

        Assert.Equal([monday, monday.AddDays(2), monday.AddDays(3)], marks.SchoolDays(Year.Start, Year.End).ToList());
        Assert.Equal([monday.AddDays(2)], marks.SchoolDays(monday.AddDays(1), monday.AddDays(2)).ToList());
        Assert.Empty(marks.SchoolDays(monday.AddDays(4), Year.End));
    }

    [Fact]
    public void An_unknown_stored_byte_counts_as_no_mark()
    {
        var bytes = new byte[YearMarks.Length];
        bytes[0] = 200;
        var marks = new YearMarks(Year, bytes);

        Assert.Equal(default, marks.CountAll());
        Assert.Null(marks[Year.Start, Session.AM]);
        Assert.Empty(marks.Marked(Year.Start, Year.End));
    }
}
