using Waymark.Domain.Attendance;
using Waymark.Domain.CommonTransfer;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfMarksReaderTests
{
    // Wednesday 3 September 2025: the week runs Wed, Thu, Fri, Sat, Sun, Mon.
    private static readonly DateOnly Wednesday = new(2025, 9, 3);

    private static IReadOnlyList<CtfSession> Read(string marks)
    {
        var read = CtfMarksReader.Read(Wednesday, marks, out var problem);
        Assert.Null(problem);
        return read!.Sessions;
    }

    private static string Problem(string marks)
    {
        Assert.Null(CtfMarksReader.Read(Wednesday, marks, out var problem));
        return problem!;
    }

    [Fact]
    public void Two_characters_are_one_day_morning_then_afternoon()
    {
        var sessions = Read("/\\NL");

        Assert.Equal(
        [
            new CtfSession(Wednesday, Session.AM, "/", 1),
            new CtfSession(Wednesday, Session.PM, "\\", 2),
            new CtfSession(Wednesday.AddDays(1), Session.AM, "N", 3),
            new CtfSession(Wednesday.AddDays(1), Session.PM, "L", 4),
        ], sessions);
    }

    [Fact]
    public void A_letter_followed_by_a_digit_is_one_two_character_session_so_later_days_stay_in_place()
    {
        var sessions = Read("C1C2/\\Y1J1");

        Assert.Equal(["C1", "C2", "/", "\\", "Y1", "J1"], sessions.Select(s => s.Mark));
        Assert.Equal([Wednesday, Wednesday, Wednesday.AddDays(1), Wednesday.AddDays(1), Wednesday.AddDays(2), Wednesday.AddDays(2)],
            sessions.Select(s => s.Date));
        Assert.Equal([1, 3, 5, 6, 7, 9], sessions.Select(s => s.Position));
    }

    [Fact]
    public void A_lone_C_is_exceptional_circumstances_and_is_not_joined_to_a_following_letter()
    {
        var sessions = Read("CC/\\");

        Assert.Equal(["C", "C", "/", "\\"], sessions.Select(s => s.Mark));
    }

    [Fact]
    public void A_dash_is_a_session_with_no_mark_and_keeps_its_place()
    {
        var sessions = Read("-\\N-");

        Assert.Equal([(Wednesday, Session.PM), (Wednesday.AddDays(1), Session.AM)], sessions.Select(s => (s.Date, s.Session)));
    }

    [Fact]
    public void Weekend_padding_is_skipped_but_a_weekday_closure_is_a_mark()
    {
        // Wed present, Thu closed, Fri present, Sat and Sun padding, Mon present.
        var sessions = Read("/\\##/\\####/\\");

        Assert.Equal(8, sessions.Count);
        Assert.Equal(["#", "#"], sessions.Where(s => s.Date == Wednesday.AddDays(1)).Select(s => s.Mark));
        Assert.DoesNotContain(sessions, s => s.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(Wednesday.AddDays(5), sessions[^1].Date);
    }

    [Fact]
    public void A_string_with_an_odd_number_of_sessions_ends_on_a_morning()
    {
        var read = CtfMarksReader.Read(Wednesday, "/\\/", out _)!;

        Assert.Equal(new CtfSession(Wednesday.AddDays(1), Session.AM, "/", 3), read.Sessions[^1]);
        Assert.Equal(Wednesday.AddDays(1), read.LastDay);
    }

    [Fact]
    public void The_last_day_counts_unmarked_sessions_and_an_empty_string_has_none()
    {
        Assert.Equal(Wednesday.AddDays(2), CtfMarksReader.Read(Wednesday, "/\\/\\--", out _)!.LastDay);
        Assert.Null(CtfMarksReader.Read(Wednesday, "  ", out _)!.LastDay);
    }

    [Fact]
    public void Letters_are_passed_on_as_written_for_the_code_rules_to_judge()
    {
        // Unknown codes, lower case and withdrawn codes are the code rules' business (AttendanceCodes), not the reader's.
        Assert.Equal(["?", "n", "H", "Z9"], Read("?nHZ9").Select(s => s.Mark));
    }

    [Theory]
    [InlineData("/\\ /\\", "character 3 is a space or line break")]
    [InlineData("/\\\n/\\", "character 3 is a space or line break")]
    [InlineData("/1", "character 2 is the digit '1' without a letter before it")]
    [InlineData("C12", "character 3 is the digit '2' without a letter before it")]
    public void Whitespace_inside_and_stray_digits_are_refused_with_their_position(string marks, string expected)
    {
        Assert.StartsWith(expected, Problem(marks), StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_a_year_of_sessions_is_refused()
    {
        Assert.NotNull(CtfMarksReader.Read(Wednesday, new string('-', CtfMarksReader.MaxSessions), out _));
        Assert.Contains("run past 732 sessions", Problem(new string('-', CtfMarksReader.MaxSessions + 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_are_compared_with_the_statistics_arithmetic()
    {
        // 3 present, 1 AEA, 2 authorised, 1 unauthorised, 2 not counted: possible 7, attended 4.
        var counts = new SessionCounts(3, 1, 2, 1, 2);

        Assert.Empty(CtfAttendanceTotals.Compare(counts, 7, 4, 2, 1));
        Assert.Empty(CtfAttendanceTotals.Compare(counts, null, null, null, null));
        var mismatches = CtfAttendanceTotals.Compare(counts, 9, 4, 2, 3);
        Assert.Equal([new CtfTotalMismatch("SessionsPossible", 9, 7), new CtfTotalMismatch("SessionsUnauthorised", 3, 1)], mismatches);
        Assert.Equal("SessionsPossible is 9 but the marks give 7", mismatches[0].ToString());
    }
}
