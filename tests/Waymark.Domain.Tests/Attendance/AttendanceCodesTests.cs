using Waymark.Domain.Attendance;

namespace Waymark.Domain.Tests.Attendance;

public class AttendanceCodesTests
{
    private static readonly DateOnly Before2024 = new(2024, 8, 18);
    private static readonly DateOnly From2024 = new(2024, 8, 19);

    // Standards §2.1: every 2024 code and the four withdrawn ones, with DfE's statistical category.
    [Theory]
    [InlineData("/", AttendanceCategory.Present)]
    [InlineData("\\", AttendanceCategory.Present)]
    [InlineData("L", AttendanceCategory.Present)]
    [InlineData("K", AttendanceCategory.ApprovedEducationalActivity)]
    [InlineData("V", AttendanceCategory.ApprovedEducationalActivity)]
    [InlineData("P", AttendanceCategory.ApprovedEducationalActivity)]
    [InlineData("W", AttendanceCategory.ApprovedEducationalActivity)]
    [InlineData("B", AttendanceCategory.ApprovedEducationalActivity)]
    [InlineData("C1", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("M", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("J1", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("S", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("X", AttendanceCategory.NotCounted)]
    [InlineData("C2", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("C", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("T", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("R", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("I", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("E", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("Q", AttendanceCategory.NotCounted)]
    [InlineData("Y1", AttendanceCategory.NotCounted)]
    [InlineData("Y2", AttendanceCategory.NotCounted)]
    [InlineData("Y3", AttendanceCategory.NotCounted)]
    [InlineData("Y4", AttendanceCategory.NotCounted)]
    [InlineData("Y5", AttendanceCategory.NotCounted)]
    [InlineData("Y6", AttendanceCategory.NotCounted)]
    [InlineData("Y7", AttendanceCategory.NotCounted)]
    [InlineData("G", AttendanceCategory.UnauthorisedAbsence)]
    [InlineData("N", AttendanceCategory.UnauthorisedAbsence)]
    [InlineData("O", AttendanceCategory.UnauthorisedAbsence)]
    [InlineData("U", AttendanceCategory.UnauthorisedAbsence)]
    [InlineData("D", AttendanceCategory.NotCounted)]
    [InlineData("Z", AttendanceCategory.NotCounted)]
    [InlineData("#", AttendanceCategory.NotCounted)]
    [InlineData("H", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("F", AttendanceCategory.AuthorisedAbsence)]
    [InlineData("J", AttendanceCategory.ApprovedEducationalActivity)]
    [InlineData("Y", AttendanceCategory.NotCounted)]
    public void Every_code_has_its_DfE_category(string text, AttendanceCategory category)
    {
        Assert.True(AttendanceCodes.TryParse(text, out var code));

        Assert.Equal(category, code.Category);
        Assert.Equal(category is AttendanceCategory.Present or AttendanceCategory.ApprovedEducationalActivity, code.CountsAsAttendance);
        Assert.Equal(category is AttendanceCategory.AuthorisedAbsence or AttendanceCategory.UnauthorisedAbsence, code.IsAbsence);
        Assert.Equal(category != AttendanceCategory.NotCounted, code.IsPossible);
        Assert.Equal(category == AttendanceCategory.Present, code.IsPresent);
        Assert.Same(code, AttendanceCodes.FromValue(code.Value));
    }

    [Fact]
    public void The_list_holds_the_33_codes_of_2024_and_the_4_withdrawn_ones_once_each()
    {
        var codes = AttendanceCodes.All.Select(c => c.Code).ToList();

        // "/" stands for both present codes, so 34 register codes are 33 entries.
        Assert.Equal(37, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["F", "H", "J", "Y"], AttendanceCodes.All.Where(c => c.WithdrawnFrom is not null).Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stored_values_are_unique_non_zero_and_round_trip()
    {
        var values = AttendanceCodes.All.Select(c => c.Value).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.DoesNotContain(AttendanceCodes.NoMark, values);
        Assert.Null(AttendanceCodes.FromValue(AttendanceCodes.NoMark));
        Assert.Null(AttendanceCodes.FromValue(255));
        foreach (var code in AttendanceCodes.All)
        {
            Assert.Same(code, AttendanceCodes.FromValue(code.Value));
            Assert.Same(code, AttendanceCodes.Get(code.Code));
        }
    }

    [Fact]
    public void Stored_values_never_change()
    {
        // Marks already saved depend on these numbers; a change would silently rewrite history.
        Assert.Equal(1, AttendanceCodes.Get("/").Value);
        Assert.Equal(17, AttendanceCodes.Get("I").Value);
        Assert.Equal(28, AttendanceCodes.Get("N").Value);
        Assert.Equal(33, AttendanceCodes.Get("#").Value);
        Assert.Equal(37, AttendanceCodes.Get("Y").Value);
    }

    [Fact]
    public void Both_present_marks_are_the_same_code_and_show_by_session()
    {
        Assert.True(AttendanceCodes.TryParse("/", out var am));
        Assert.True(AttendanceCodes.TryParse("\\", out var pm));

        Assert.Same(am, pm);
        Assert.Same(AttendanceCodes.Present, am);
        Assert.Equal("/", am.ShownFor(Session.AM));
        Assert.Equal("\\", am.ShownFor(Session.PM));
        Assert.Equal("C2", AttendanceCodes.PartTimeTimetable.ShownFor(Session.PM));
    }

    [Theory]
    [InlineData("c1", "C1")]
    [InlineData("j1", "J1")]
    [InlineData("y7", "Y7")]
    [InlineData("n", "N")]
    [InlineData(" l ", "L")]
    [InlineData("h", "H")]
    public void Codes_are_read_in_any_case_and_trimmed(string text, string expected)
    {
        Assert.True(AttendanceCodes.TryParse(text, out var code));
        Assert.Equal(expected, code.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("Y8")]
    [InlineData("//")]
    [InlineData("C3")]
    [InlineData("7")]
    public void Unknown_text_is_not_a_code(string text)
    {
        Assert.False(AttendanceCodes.TryParse(text, out _));
        Assert.NotNull(AttendanceCodes.Problem(text, From2024, out var code));
        Assert.Null(code);
    }

    [Theory]
    [InlineData("H")]
    [InlineData("F")]
    [InlineData("J")]
    [InlineData("Y")]
    public void Withdrawn_codes_are_valid_only_before_19_August_2024(string text)
    {
        var code = AttendanceCodes.Get(text);

        Assert.True(code.IsValidOn(Before2024));
        Assert.True(code.IsValidOn(new DateOnly(2015, 1, 5)));
        Assert.False(code.IsValidOn(From2024));
        Assert.False(code.IsValidOn(new DateOnly(2026, 3, 2)));
        Assert.Null(AttendanceCodes.Problem(text.ToLowerInvariant(), Before2024, out var historic));
        Assert.Same(code, historic);
        Assert.Equal($"'{text}' was withdrawn on 19 August 2024 and cannot be used for 19 August 2024",
            AttendanceCodes.Problem(text, From2024, out var refused));
        Assert.Same(code, refused);
    }

    [Fact]
    public void Codes_of_2024_are_valid_on_any_date()
    {
        foreach (var code in AttendanceCodes.All.Where(c => c.WithdrawnFrom is null))
        {
            Assert.True(code.IsValidOn(Before2024), code.Code);
            Assert.True(code.IsValidOn(From2024), code.Code);
        }
    }

    [Fact]
    public void Problem_explains_empty_and_unknown_text()
    {
        Assert.Equal("is empty", AttendanceCodes.Problem("  ", From2024, out _));
        Assert.Equal("'QQ' is not an attendance code", AttendanceCodes.Problem(" QQ ", From2024, out _));
        Assert.Null(AttendanceCodes.Problem("\\", From2024, out var present));
        Assert.Same(AttendanceCodes.Present, present);
    }
}
