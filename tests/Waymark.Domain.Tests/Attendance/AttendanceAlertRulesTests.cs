using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

public class AttendanceAlertRulesTests
{
    private static readonly AcademicYear Year = new(2026);

    private static readonly Term Autumn = SchoolTerms.For(Year, TermName.Autumn);

    private static readonly Term Summer2026 = SchoolTerms.For(new AcademicYear(2025), TermName.Summer);

    /// <summary>Monday 7 September 2026, the first full week of the year.</summary>
    private static readonly DateOnly Week1 = new(2026, 9, 7);

    private static MarksBuilder Pupil() => new(Year);

    /// <summary>Another pupil present every weekday from <see cref="Week1"/>, so the school took registers then; half term (26–30 October) has none.</summary>
    private static YearMarks SchoolmateWithHalfTerm() =>
        Pupil().Days(Week1, 35, "/").Days(new DateOnly(2026, 11, 2), 30, "/").Marks;

    private static SessionCounts Counts(int attended, int absent, int unauthorised = 0) => new(attended, 0, absent, unauthorised, 0);

    private static AlertFinding? Find(IEnumerable<AlertFinding> findings, AlertKind kind) => findings.SingleOrDefault(f => f.Kind == kind);

    // Chronic absence

    [Fact]
    public void Chronic_absence_is_below_50_percent_attendance_this_term_and_exactly_50_is_not()
    {
        Assert.NotNull(AttendanceAlertRules.ChronicAbsence(Autumn, Counts(4999, 5001)));
        Assert.Null(AttendanceAlertRules.ChronicAbsence(Autumn, Counts(5000, 5000)));
        Assert.Null(AttendanceAlertRules.ChronicAbsence(Autumn, Counts(0, 0)));
    }

    [Fact]
    public void Approved_educational_activity_counts_as_attendance_for_chronic_absence() =>
        Assert.Null(AttendanceAlertRules.ChronicAbsence(Autumn, new SessionCounts(0, 20, 20, 0, 0)));

    [Fact]
    public void Chronic_absence_from_marks_names_the_term_and_the_LA_and_is_keyed_by_term()
    {
        var pupil = Pupil().Days(Week1, 10, "/").Days(new DateOnly(2026, 9, 21), 10, "I");
        var today = new DateOnly(2026, 10, 2);

        var atFifty = AttendanceAlertRules.Evaluate(pupil.Marks, null, null, today);
        pupil.Mark(Week1, Session.AM, "O");
        var below = AttendanceAlertRules.Evaluate(pupil.Marks, null, null, today);

        Assert.Null(Find(atFifty, AlertKind.ChronicAbsence));
        var chronic = Find(below, AlertKind.ChronicAbsence)!;
        Assert.Equal(("2026-autumn", AlertOwner.LocalAuthority), (chronic.Key, chronic.Owner));
        Assert.Equal("47.5% attendance this term (autumn term 2026/27): 19 attended of 40 possible.", chronic.Summary);
    }

    [Fact]
    public void Only_this_terms_marks_count_for_chronic_absence()
    {
        // Absent all autumn, present since 4 January.
        var pupil = Pupil().Days(Week1, 60, "O").Days(new DateOnly(2027, 1, 4), 5, "/");

        var findings = AttendanceAlertRules.Evaluate(pupil.Marks, null, null, new DateOnly(2027, 1, 8));

        Assert.Null(Find(findings, AlertKind.ChronicAbsence));
        Assert.NotNull(Find(findings, AlertKind.SevereAbsence));
    }

    // Compulsory school age

    [Fact]
    public void Outside_compulsory_school_age_only_the_schools_register_rules_apply()
    {
        // Fifteen days ill, an N never replaced, then four weeks without explanation (O) up to today.
        var pupil = Pupil().Days(Week1, 15, "I").Days(new DateOnly(2026, 9, 28), 1, "N").Days(new DateOnly(2026, 9, 29), 20, "O");
        var today = new DateOnly(2026, 10, 26);

        var compulsory = AttendanceAlertRules.Evaluate(pupil.Marks, null, today, null, ofCompulsorySchoolAge: true).Select(f => f.Kind).Order();
        var sixthFormer = AttendanceAlertRules.Evaluate(pupil.Marks, null, today, null, ofCompulsorySchoolAge: false).Select(f => f.Kind).Order();

        Assert.Equal(
            [AlertKind.ChronicAbsence, AlertKind.SevereAbsence, AlertKind.UnexplainedMarkNotReplaced, AlertKind.PossiblyMissingEducation,
             AlertKind.ExtendedIllness, AlertKind.UnauthorisedAbsenceThreshold],
            compulsory);
        Assert.Equal([AlertKind.SevereAbsence, AlertKind.UnexplainedMarkNotReplaced], sixthFormer);
    }

    // Persistent and severe absence

    [Fact]
    public void Persistent_absence_is_10_percent_or_more_of_possible_sessions_exactly()
    {
        Assert.Equal(AlertKind.PersistentAbsence, AttendanceAlertRules.YearToDateAbsence(Year, Counts(342, 38))!.Kind);
        Assert.Null(AttendanceAlertRules.YearToDateAbsence(Year, Counts(343, 37)));
        Assert.Null(AttendanceAlertRules.YearToDateAbsence(Year, Counts(0, 0)));
    }

    [Fact]
    public void Severe_absence_at_50_percent_replaces_persistent()
    {
        var severe = AttendanceAlertRules.YearToDateAbsence(Year, Counts(190, 100, 90))!;
        var persistent = AttendanceAlertRules.YearToDateAbsence(Year, Counts(191, 189))!;

        Assert.Equal((AlertKind.SevereAbsence, "2026", AlertOwner.School), (severe.Kind, severe.Key, severe.Owner));
        Assert.Equal("Severely absent: missed 50% of sessions this school year (190 of 380).", severe.Summary);
        Assert.Equal(AlertKind.PersistentAbsence, persistent.Kind);
        Assert.Equal("Persistently absent: missed 49.74% of sessions this school year (189 of 380).", persistent.Summary);
    }

    // A fall against last term

    [Fact]
    public void A_fall_of_exactly_five_points_is_an_alert_and_four_is_not()
    {
        var spring = SchoolTerms.For(Year, TermName.Spring);

        Assert.NotNull(AttendanceAlertRules.AttendanceFall(spring, Counts(19, 1), Autumn, Counts(40, 0)));
        Assert.Null(AttendanceAlertRules.AttendanceFall(spring, Counts(24, 1), Autumn, Counts(40, 0)));
        Assert.Null(AttendanceAlertRules.AttendanceFall(spring, Counts(0, 0), Autumn, Counts(40, 0)));
        Assert.Null(AttendanceAlertRules.AttendanceFall(spring, Counts(0, 10), Autumn, Counts(0, 0)));
    }

    [Fact]
    public void In_the_autumn_the_fall_is_against_last_years_summer_term()
    {
        var lastYear = new MarksBuilder(new AcademicYear(2025)).Days(new DateOnly(2026, 6, 1), 20, "/").Marks;
        var pupil = Pupil().Days(Week1, 9, "/").Days(new DateOnly(2026, 9, 18), 1, "G");
        var today = new DateOnly(2026, 9, 18);

        var withLastYear = AttendanceAlertRules.Evaluate(pupil.Marks, lastYear, null, today);
        var without = AttendanceAlertRules.Evaluate(pupil.Marks, null, null, today);

        var fall = Find(withLastYear, AlertKind.AttendanceFall)!;
        Assert.Equal(("2026-autumn", AlertOwner.School), (fall.Key, fall.Owner));
        Assert.Equal($"Attendance fell from 100% last term (summer term 2025/26) to 90% this term.", fall.Summary);
        Assert.Null(Find(without, AlertKind.AttendanceFall));
        Assert.Equal(new DateOnly(2026, 4, 6), Summer2026.Start);
    }

    [Fact]
    public void In_the_spring_the_fall_is_against_the_autumn_term_of_the_same_marks()
    {
        var pupil = Pupil().Days(Week1, 20, "/").Days(new DateOnly(2027, 1, 4), 9, "/").Days(new DateOnly(2027, 1, 15), 1, "M");

        var fall = Find(AttendanceAlertRules.Evaluate(pupil.Marks, null, null, new DateOnly(2027, 1, 15)), AlertKind.AttendanceFall)!;

        Assert.Equal("2026-spring", fall.Key);
    }

    // N marks not replaced within five school days

    [Fact]
    public void An_N_is_overdue_once_more_than_five_school_days_have_followed_it()
    {
        var pupil = Pupil().Mark(Week1, Session.AM, "N").Marks;
        var school = RegisterDays.Of(Year, [pupil, SchoolmateWithHalfTerm()]);

        var fifthDay = AttendanceAlertRules.UnreplacedNMarks(pupil, school, new DateOnly(2026, 9, 14));
        var weekend = AttendanceAlertRules.UnreplacedNMarks(pupil, school, new DateOnly(2026, 9, 13));
        var sixthDay = AttendanceAlertRules.UnreplacedNMarks(pupil, school, new DateOnly(2026, 9, 15));

        Assert.Null(fifthDay);
        Assert.Null(weekend);
        Assert.NotNull(sixthDay);
        Assert.Equal(("2026-09-07", AlertOwner.School), (sixthDay.Key, sixthDay.Owner));
        Assert.Equal("An N mark (reason not yet established) not replaced within five school days, the earliest on 7 September 2026.", sixthDay.Summary);
    }

    [Fact]
    public void School_days_are_the_schools_register_days_not_only_the_pupils_own()
    {
        // The pupil has no marks after the N; only the school's other registers show the days passing.
        var pupil = Pupil().Mark(Week1, Session.PM, "N").Marks;

        Assert.Null(AttendanceAlertRules.UnreplacedNMarks(pupil, RegisterDays.Of(pupil), new DateOnly(2026, 10, 1)));
        Assert.NotNull(AttendanceAlertRules.UnreplacedNMarks(pupil, RegisterDays.Of(Year, [pupil, SchoolmateWithHalfTerm()]), new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Half_term_is_not_school_days_for_an_N()
    {
        // N on Thursday 22 October; Friday 23 then half term, then 2, 3, 4, 5 November are the five days after it.
        var pupil = Pupil().Mark(new DateOnly(2026, 10, 22), Session.AM, "N").Marks;
        var school = RegisterDays.Of(Year, [pupil, SchoolmateWithHalfTerm()]);

        Assert.Null(AttendanceAlertRules.UnreplacedNMarks(pupil, school, new DateOnly(2026, 11, 5)));
        Assert.NotNull(AttendanceAlertRules.UnreplacedNMarks(pupil, school, new DateOnly(2026, 11, 6)));
    }

    [Fact]
    public void Replaced_N_marks_raise_nothing_and_several_are_counted_from_the_earliest()
    {
        var pupil = Pupil().Mark(Week1, Session.AM, "N").Mark(Week1, Session.PM, "N").Mark(new DateOnly(2026, 9, 8), Session.AM, "N");
        var school = RegisterDays.Of(Year, [pupil.Marks, SchoolmateWithHalfTerm()]);
        var today = new DateOnly(2026, 9, 30);

        var three = AttendanceAlertRules.UnreplacedNMarks(pupil.Marks, school, today)!;
        pupil.Mark(Week1, Session.AM, "I").Mark(Week1, Session.PM, "I");
        var one = AttendanceAlertRules.UnreplacedNMarks(pupil.Marks, school, today)!;
        pupil.Mark(new DateOnly(2026, 9, 8), Session.AM, "M");

        Assert.StartsWith("3 N marks", three.Summary, StringComparison.Ordinal);
        Assert.Equal("2026-09-07", three.Key);
        Assert.Equal("2026-09-08", one.Key);
        Assert.Null(AttendanceAlertRules.UnreplacedNMarks(pupil.Marks, school, today));
    }

    // Ten school days of unexplained absence: possibly missing education

    [Fact]
    public void Ten_consecutive_school_days_of_G_N_or_O_is_possibly_missing_education_and_nine_is_not()
    {
        var pupil = Pupil().Days(Week1, 4, "O").Days(new DateOnly(2026, 9, 11), 3, "N").Days(new DateOnly(2026, 9, 16), 3, "G").Marks;
        var school = RegisterDays.Of(Year, [pupil, SchoolmateWithHalfTerm()]);

        var nine = AttendanceAlertRules.PossiblyMissingEducation(pupil, school, new DateOnly(2026, 9, 17));
        var ten = AttendanceAlertRules.PossiblyMissingEducation(pupil, school, new DateOnly(2026, 9, 18))!;

        Assert.Null(nine);
        Assert.Equal(("2026-09-07", AlertOwner.LocalAuthority), (ten.Key, ten.Owner));
        Assert.Equal("Absent without permission for 10 school days in a row since 7 September 2026: possibly missing education.", ten.Summary);
    }

    [Theory]
    [InlineData("I")]
    [InlineData("U")]
    [InlineData("/")]
    [InlineData("Y7")]
    public void Any_other_mark_in_the_ten_days_breaks_the_run(string code)
    {
        var pupil = Pupil().Days(Week1, 10, "O").Mark(new DateOnly(2026, 9, 10), Session.PM, code).Marks;

        Assert.Null(AttendanceAlertRules.PossiblyMissingEducation(pupil, RegisterDays.Of(Year, [pupil, SchoolmateWithHalfTerm()]), new DateOnly(2026, 9, 18)));
    }

    [Fact]
    public void A_register_day_without_a_mark_breaks_the_run_but_half_term_does_not()
    {
        var acrossHalfTerm = Pupil().Days(new DateOnly(2026, 10, 19), 5, "O").Days(new DateOnly(2026, 11, 2), 5, "O").Marks;
        var gap = Pupil().Days(Week1, 4, "O").Days(new DateOnly(2026, 9, 14), 6, "O").Marks;
        var today = new DateOnly(2026, 11, 6);

        var run = AttendanceAlertRules.PossiblyMissingEducation(acrossHalfTerm, RegisterDays.Of(Year, [acrossHalfTerm, SchoolmateWithHalfTerm()]), today)!;

        Assert.Equal("2026-10-19", run.Key);
        Assert.Null(AttendanceAlertRules.PossiblyMissingEducation(gap, RegisterDays.Of(Year, [gap, SchoolmateWithHalfTerm()]), new DateOnly(2026, 9, 18)));
    }

    [Fact]
    public void The_alert_clears_when_the_child_is_back()
    {
        var pupil = Pupil().Days(Week1, 10, "O").Days(new DateOnly(2026, 9, 21), 1, "/").Marks;
        var school = RegisterDays.Of(Year, [pupil, SchoolmateWithHalfTerm()]);

        Assert.NotNull(AttendanceAlertRules.PossiblyMissingEducation(pupil, school, new DateOnly(2026, 9, 20)));
        Assert.Null(AttendanceAlertRules.PossiblyMissingEducation(pupil, school, new DateOnly(2026, 9, 21)));
    }

    [Fact]
    public void A_day_with_one_session_marked_without_permission_counts()
    {
        var pupil = Pupil().Days(Week1, 9, "O").Mark(new DateOnly(2026, 9, 18), Session.AM, "N").Marks;

        Assert.NotNull(AttendanceAlertRules.PossiblyMissingEducation(pupil, RegisterDays.Of(pupil), new DateOnly(2026, 9, 18)));
    }

    // Fifteen days of illness

    [Fact]
    public void Fifteen_days_of_illness_is_thirty_I_sessions()
    {
        var fourteenAndAHalf = Pupil().Days(Week1, 14, "I").Mark(new DateOnly(2026, 9, 25), Session.AM, "I");
        var today = new DateOnly(2026, 10, 1);

        var before = AttendanceAlertRules.Evaluate(fourteenAndAHalf.Marks, null, null, today);
        fourteenAndAHalf.Mark(new DateOnly(2026, 9, 25), Session.PM, "I");
        var fifteen = Find(AttendanceAlertRules.Evaluate(fourteenAndAHalf.Marks, null, null, today), AlertKind.ExtendedIllness)!;
        fourteenAndAHalf.Mark(new DateOnly(2026, 9, 28), Session.AM, "I");
        var more = Find(AttendanceAlertRules.Evaluate(fourteenAndAHalf.Marks, null, null, today), AlertKind.ExtendedIllness)!;

        Assert.Null(Find(before, AlertKind.ExtendedIllness));
        Assert.Equal(("2026", AlertOwner.LocalAuthority), (fifteen.Key, fifteen.Owner));
        Assert.Equal("15 days of illness this school year (30 sessions coded I): the LA should consider arranging education (s19).", fifteen.Summary);
        Assert.StartsWith("15.5 days of illness", more.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Medical_appointments_are_not_illness() =>
        Assert.Null(AttendanceAlertRules.ExtendedIllness(Year, 29));

    // Ten unauthorised sessions in ten school weeks

    [Fact]
    public void Ten_unauthorised_sessions_in_exactly_ten_school_weeks_is_the_threshold()
    {
        // School weeks: 7 Sep … 19 Oct (7), half term, then 2, 9, 16 (the tenth), 23 November.
        var pupil = Pupil().Mark(Week1, Session.AM, "O").Days(new DateOnly(2026, 11, 16), 4, "G").Mark(new DateOnly(2026, 11, 20), Session.AM, "U");
        var school = RegisterDays.Of(Year, [pupil.Marks, SchoolmateWithHalfTerm()]);

        var tenth = AttendanceAlertRules.UnauthorisedAbsenceThreshold(pupil.Marks, school, new DateOnly(2026, 11, 20))!;
        var eleventh = AttendanceAlertRules.UnauthorisedAbsenceThreshold(pupil.Marks, school, new DateOnly(2026, 11, 27));

        Assert.Equal(("2026-11-16", AlertOwner.School), (tenth.Key, tenth.Owner));
        Assert.Equal("10 unauthorised sessions in the ten school weeks to the week of 16 November 2026: the national threshold for considering a penalty notice is 10.", tenth.Summary);
        Assert.Null(eleventh);
    }

    [Fact]
    public void Nine_in_ten_school_weeks_is_not_the_threshold()
    {
        var pupil = Pupil().Mark(Week1, Session.AM, "O").Days(new DateOnly(2026, 11, 23), 4, "G").Mark(new DateOnly(2026, 11, 27), Session.AM, "N");
        var school = RegisterDays.Of(Year, [pupil.Marks, SchoolmateWithHalfTerm()]);

        Assert.Null(AttendanceAlertRules.UnauthorisedAbsenceThreshold(pupil.Marks, school, new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void The_key_stays_the_week_the_threshold_was_first_met_while_it_is_still_met()
    {
        var pupil = Pupil().Days(Week1, 5, "O").Days(new DateOnly(2026, 9, 14), 5, "O");
        var school = RegisterDays.Of(Year, [pupil.Marks, SchoolmateWithHalfTerm()]);

        var first = AttendanceAlertRules.UnauthorisedAbsenceThreshold(pupil.Marks, school, new DateOnly(2026, 9, 11))!;
        var later = AttendanceAlertRules.UnauthorisedAbsenceThreshold(pupil.Marks, school, new DateOnly(2026, 10, 2))!;

        Assert.Equal("2026-09-07", first.Key);
        Assert.Equal("2026-09-07", later.Key);
        Assert.StartsWith("20 unauthorised sessions", later.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorised_absence_does_not_count_towards_the_threshold()
    {
        var pupil = Pupil().Days(Week1, 10, "M").Marks;

        Assert.Null(AttendanceAlertRules.UnauthorisedAbsenceThreshold(pupil, RegisterDays.Of(pupil), new DateOnly(2026, 9, 18)));
    }

    // The whole evaluation

    [Fact]
    public void Marks_after_today_are_not_counted()
    {
        var pupil = Pupil().Days(Week1, 5, "/").Days(new DateOnly(2026, 9, 14), 20, "O").Marks;

        Assert.Empty(AttendanceAlertRules.Evaluate(pupil, null, null, new DateOnly(2026, 9, 11)));
        Assert.NotEmpty(AttendanceAlertRules.Evaluate(pupil, null, null, new DateOnly(2026, 10, 9)));
    }

    [Fact]
    public void A_pupil_with_good_attendance_has_no_alerts() =>
        Assert.Empty(AttendanceAlertRules.Evaluate(Pupil().Days(Week1, 60, "/").Mark(Week1, Session.AM, "L").Mark(Week1, Session.PM, "M").Marks,
            null, null, new DateOnly(2026, 12, 1)));

    [Fact]
    public void A_severely_absent_pupil_missing_education_gets_every_alert_that_applies()
    {
        var pupil = Pupil().Days(Week1, 2, "/").Days(new DateOnly(2026, 9, 9), 12, "N").Marks;

        var kinds = AttendanceAlertRules.Evaluate(pupil, null, null, new DateOnly(2026, 9, 24)).Select(f => f.Kind).Order().ToList();

        Assert.Equal(
            [AlertKind.ChronicAbsence, AlertKind.SevereAbsence, AlertKind.UnexplainedMarkNotReplaced, AlertKind.PossiblyMissingEducation, AlertKind.UnauthorisedAbsenceThreshold],
            kinds);
    }

    [Fact]
    public void Today_must_be_in_the_year_of_the_marks() =>
        Assert.Throws<ArgumentException>(() => AttendanceAlertRules.Evaluate(Pupil().Marks, null, null, new DateOnly(2027, 9, 1)));

    [Fact]
    public void Register_days_leave_out_planned_closures()
    {
        var pupil = Pupil().Days(Week1, 1, "#").Days(new DateOnly(2026, 9, 8), 1, "/").Marks;
        var days = RegisterDays.Of(pupil);

        Assert.False(days.Contains(Week1));
        Assert.True(days.Contains(new DateOnly(2026, 9, 8)));
        Assert.False(days.Contains(new DateOnly(2026, 9, 12)));
    }
}
