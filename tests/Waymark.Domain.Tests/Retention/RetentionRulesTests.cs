using Waymark.Domain.Calendar;
using Waymark.Domain.Retention;

namespace Waymark.Domain.Tests.Retention;

public class RetentionRulesTests
{
    private static readonly RetentionPeriods Defaults = RetentionPeriods.Default;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Defaults_are_25_years_75_for_looked_after_children_and_6_for_the_register()
    {
        Assert.Equal(new RetentionPeriods(25, 75, 6), Defaults);
        Assert.All(RetentionRules.All, t => Assert.False(string.IsNullOrWhiteSpace(RetentionRules.DefaultSource(t))));
    }

    [Theory]
    [InlineData("2001-06-15", false, "2026-06-15")]
    [InlineData("2001-06-15", true, "2076-06-15")]
    [InlineData("2000-01-01", false, "2025-01-01")]
    [InlineData("1999-12-31", false, "2024-12-31")]
    public void A_childs_record_is_due_on_the_birthday_that_ends_its_period(string born, bool lookedAfter, string due)
    {
        Assert.Equal(D(due), RetentionRules.ChildRecordDueOn(D(born), lookedAfter, Defaults));
    }

    // 2000 and 2004 are leap years; their 25th and 75th anniversaries (2025, 2029, 2075, 2079) are not.
    [Theory]
    [InlineData("2000-02-29", false, "2025-03-01")]
    [InlineData("2004-02-29", false, "2029-03-01")]
    [InlineData("2000-02-29", true, "2075-03-01")]
    [InlineData("2004-02-29", true, "2079-03-01")]
    [InlineData("2003-02-28", false, "2028-02-28")]
    public void A_29_February_birthday_falls_due_on_1_March_in_a_non_leap_year(string born, bool lookedAfter, string due)
    {
        Assert.Equal(D(due), RetentionRules.ChildRecordDueOn(D(born), lookedAfter, Defaults));
    }

    [Fact]
    public void A_29_February_birthday_stays_on_29_February_when_the_anniversary_is_a_leap_year()
    {
        Assert.Equal(D("2028-02-29"), RetentionRules.Anniversary(D("2000-02-29"), 28));
        Assert.Equal(D("2028-02-29"), RetentionRules.ChildRecordDueOn(D("2000-02-29"), false, Defaults with { ChildRecordYears = 28 }));
    }

    [Fact]
    public void The_period_chosen_by_the_LA_is_used()
    {
        var periods = Defaults.With(RetentionRecordType.ChildRecord, 30).With(RetentionRecordType.AttendanceRegister, 10);

        Assert.Equal(D("2031-06-15"), RetentionRules.ChildRecordDueOn(D("2001-06-15"), false, periods));
        Assert.Equal(D("2036-09-01"), RetentionRules.AttendanceRegisterDueOn(new AcademicYear(2025), periods));
        Assert.Equal(75, periods.YearsFor(RetentionRecordType.LookedAfterChildRecord));
    }

    [Theory]
    [InlineData(2019, "2026-09-01")]
    [InlineData(2020, "2027-09-01")]
    public void A_register_year_is_due_six_years_after_the_year_ends(int startYear, string due)
    {
        Assert.Equal(D(due), RetentionRules.AttendanceRegisterDueOn(new AcademicYear(startYear), Defaults));
    }

    [Fact]
    public void Every_entry_of_a_register_year_has_been_kept_six_years_when_it_falls_due()
    {
        var year = new AcademicYear(2019);
        var due = RetentionRules.AttendanceRegisterDueOn(year, Defaults);

        Assert.True(due > RetentionRules.Anniversary(year.End, 6));
        Assert.Equal(due.AddDays(-1), RetentionRules.Anniversary(year.End, 6));
    }

    [Theory]
    [InlineData("2026-06-14", "Delete")]
    [InlineData("2026-06-15", "Delete")]
    [InlineData("2026-06-16", "Review")]
    [InlineData("2026-09-15", "Review")]
    [InlineData("2026-09-16", null)]
    public void The_action_is_delete_from_the_due_date_and_review_in_the_three_months_before(string due, string? expected)
    {
        var action = RetentionRules.ActionOn(D(due), D("2026-06-15"), onLegalHold: false);

        Assert.Equal(expected, action?.ToString());
    }

    [Fact]
    public void A_record_on_legal_hold_is_held_rather_than_deleted_but_still_reviewed_before_it_is_due()
    {
        Assert.Equal(RetentionAction.Held, RetentionRules.ActionOn(D("2026-01-01"), D("2026-06-15"), onLegalHold: true));
        Assert.Equal(RetentionAction.Review, RetentionRules.ActionOn(D("2026-07-01"), D("2026-06-15"), onLegalHold: true));
    }

    [Fact]
    public void A_childs_record_is_due_for_review_three_months_before_the_25th_birthday()
    {
        var born = D("2001-06-15");
        var due = RetentionRules.ChildRecordDueOn(born, false, Defaults);

        Assert.Null(RetentionRules.ActionOn(due, D("2026-03-14"), false));
        Assert.Equal(RetentionAction.Review, RetentionRules.ActionOn(due, D("2026-03-15"), false));
        Assert.Equal(RetentionAction.Review, RetentionRules.ActionOn(due, D("2026-06-14"), false));
        Assert.Equal(RetentionAction.Delete, RetentionRules.ActionOn(due, D("2026-06-15"), false));
    }

    [Theory]
    [InlineData("2000-02-29", 25)]
    [InlineData("2001-06-15", 25)]
    [InlineData("1951-03-01", 75)]
    public void The_database_filters_are_never_narrower_than_the_rule(string born, int years)
    {
        var dob = D(born);
        var due = RetentionRules.Anniversary(dob, years);
        for (var horizon = due.AddDays(-3); horizon <= due.AddDays(3); horizon = horizon.AddDays(1))
        {
            if (due <= horizon)
            {
                Assert.True(dob <= RetentionRules.LatestBirthDueBy(horizon, years), $"{born} due {due} missed at {horizon}");
            }
        }
    }

    [Fact]
    public void The_academic_year_filter_is_never_narrower_than_the_rule()
    {
        for (var horizon = D("2026-08-25"); horizon <= D("2026-09-05"); horizon = horizon.AddDays(1))
        {
            foreach (var start in new[] { 2018, 2019, 2020 })
            {
                if (RetentionRules.AttendanceRegisterDueOn(new AcademicYear(start), Defaults) <= horizon)
                {
                    Assert.True(start <= RetentionRules.LatestAcademicYearDueBy(horizon, Defaults));
                }
            }
        }
    }

    [Theory]
    [InlineData("25", null, 25)]
    [InlineData(" 30 ", null, 30)]
    [InlineData("", "Enter the number of years", 0)]
    [InlineData("ten", "The number of years must be a whole number, like 25", 0)]
    [InlineData("2.5", "The number of years must be a whole number, like 25", 0)]
    [InlineData("-5", "The number of years must be a whole number, like 25", 0)]
    [InlineData("0", "The number of years must be between 1 and 150", 0)]
    [InlineData("151", "The number of years must be between 1 and 150", 151)]
    public void Periods_typed_by_a_person_are_checked(string text, string? problem, int years)
    {
        Assert.Equal(problem, RetentionRules.ProblemWithYears(text, out var parsed));
        if (problem is null || years != 0)
        {
            Assert.Equal(years, parsed);
        }
    }

    [Fact]
    public void Each_type_has_names_for_people_and_for_scripts()
    {
        Assert.Equal(["child-record", "looked-after-child-record", "attendance-register"], RetentionRules.All.Select(RetentionRules.CommandName));
        Assert.Equal("75 years from the child's date of birth", RetentionRules.Describe(RetentionRecordType.LookedAfterChildRecord, 75));
        Assert.Equal("1 year from the end of the academic year of the entries", RetentionRules.Describe(RetentionRecordType.AttendanceRegister, 1));
    }
}
