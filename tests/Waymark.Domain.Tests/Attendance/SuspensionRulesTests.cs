using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.Attendance;

public class ExclusionReasonsTests
{
    [Fact]
    public void The_list_is_the_sixteen_codes_of_the_2020_to_2025_censuses_without_Other()
    {
        Assert.Equal(["PP", "PA", "VP", "VA", "OW", "BU", "RA", "LG", "DS", "SM", "DA", "DM", "TH", "MT", "PH", "PD"],
            ExclusionReasons.All.Select(r => r.Code));
        Assert.Null(ExclusionReasons.Find("OT"));
        Assert.Equal("Persistent disruptive behaviour", ExclusionReasons.Find(" pd ")!.Description);
    }

    [Fact]
    public void One_two_or_three_different_reasons_are_accepted()
    {
        Assert.Null(ExclusionReasons.Problem(["PD"]));
        Assert.Null(ExclusionReasons.Problem(["PA", "VA"]));
        Assert.Null(ExclusionReasons.Problem(["PA", "VA", "DM"]));
    }

    [Fact]
    public void No_reason_is_refused() => Assert.Equal("Select at least one reason", ExclusionReasons.Problem(["", " "]));

    [Fact]
    public void Four_reasons_are_refused() =>
        Assert.Equal("Select no more than 3 reasons", ExclusionReasons.Problem(["PA", "VA", "DM", "TH"]));

    [Fact]
    public void A_reason_twice_is_refused_whatever_its_case() =>
        Assert.Equal("Select each reason only once", ExclusionReasons.Problem(["PA", "pa"]));

    [Fact]
    public void An_unknown_or_withdrawn_code_is_named() =>
        Assert.Equal("“OT” is not a DfE reason code", ExclusionReasons.Problem(["PA", "ot"]));
}

public class SchoolDaysTests
{
    // 2026-11-27 is a Friday.
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Fact]
    public void Weekends_are_not_school_days()
    {
        Assert.True(SchoolDays.IsSchoolDay(Friday));
        Assert.False(SchoolDays.IsSchoolDay(Friday.AddDays(1)));
        Assert.False(SchoolDays.IsSchoolDay(Friday.AddDays(2)));
        Assert.True(SchoolDays.IsSchoolDay(Friday.AddDays(3)));
    }

    [Fact]
    public void Adding_school_days_skips_weekends()
    {
        Assert.Equal(Friday, SchoolDays.Add(Friday, 0));
        Assert.Equal(new DateOnly(2026, 11, 30), SchoolDays.Add(Friday, 1));
        Assert.Equal(new DateOnly(2026, 12, 4), SchoolDays.Add(Friday, 5));
        Assert.Equal(new DateOnly(2026, 11, 30), SchoolDays.Add(Friday.AddDays(1), 0));
    }
}

public class SuspensionRulesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    [Fact]
    public void A_three_day_suspension_from_Thursday_runs_to_Monday_afternoon_and_the_child_returns_on_Tuesday()
    {
        Assert.Equal(new SchoolSession(new DateOnly(2026, 11, 30), Session.PM), SuspensionRules.LastSession(Thursday, Session.AM, 6));
        Assert.Equal(new SchoolSession(new DateOnly(2026, 12, 1), Session.AM), SuspensionRules.ReturnSession(Thursday, Session.AM, 6));
    }

    [Fact]
    public void A_suspension_from_an_afternoon_ends_on_a_morning()
    {
        Assert.Equal(new SchoolSession(Monday, Session.PM), SuspensionRules.LastSession(Monday, Session.PM, 1));
        Assert.Equal(new SchoolSession(Monday.AddDays(1), Session.AM), SuspensionRules.LastSession(Monday, Session.PM, 2));
        Assert.Equal(new SchoolSession(Monday.AddDays(1), Session.PM), SuspensionRules.ReturnSession(Monday, Session.PM, 2));
    }

    [Fact]
    public void Friday_afternoon_is_followed_by_Monday_morning()
    {
        var friday = new DateOnly(2026, 11, 27);
        Assert.Equal(
            [new SchoolSession(friday, Session.PM), new SchoolSession(friday.AddDays(3), Session.AM)],
            SuspensionRules.SessionsOf(friday, Session.PM, 2));
    }

    [Fact]
    public void A_suspension_runs_over_the_end_of_August_into_the_next_year_only_for_its_later_sessions()
    {
        // Friday 28 August 2026: AM and PM, then Monday 31 August, then Tuesday 1 September.
        var start = new DateOnly(2026, 8, 28);
        Assert.Equal(4, SuspensionRules.SessionsIn(new AcademicYear(2025), start, Session.AM, 6));
        Assert.Equal(2, SuspensionRules.SessionsIn(new AcademicYear(2026), start, Session.AM, 6));
        Assert.Equal(0, SuspensionRules.SessionsIn(new AcademicYear(2024), start, Session.AM, 6));
    }

    [Fact]
    public void The_sixth_school_day_skips_the_weekend()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), SuspensionRules.SixthSchoolDay(Monday));
        Assert.Equal(new DateOnly(2026, 12, 3), SuspensionRules.SixthSchoolDay(Thursday));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    [InlineData(12, true)]
    [InlineData(1, false)]
    public void Alternative_provision_is_due_only_for_suspensions_longer_than_five_school_days(int sessions, bool due) =>
        Assert.Equal(due ? new DateOnly(2026, 12, 3) : null, SuspensionRules.AlternativeProvisionDueOn(ExclusionKind.Suspension, Thursday, sessions));

    [Fact]
    public void Alternative_provision_is_due_from_the_sixth_day_of_every_permanent_exclusion() =>
        Assert.Equal(new DateOnly(2026, 11, 30), SuspensionRules.AlternativeProvisionDueOn(ExclusionKind.PermanentExclusion, Monday, null));

    [Theory]
    [InlineData(0, SuspensionLimitStatus.Below)]
    [InlineData(79, SuspensionLimitStatus.Below)]
    [InlineData(80, SuspensionLimitStatus.Approaching)]
    [InlineData(89, SuspensionLimitStatus.Approaching)]
    [InlineData(90, SuspensionLimitStatus.Reached)]
    [InlineData(91, SuspensionLimitStatus.Exceeded)]
    public void The_limit_warns_from_40_days_and_at_45(int sessions, SuspensionLimitStatus expected) =>
        Assert.Equal(expected, SuspensionRules.LimitStatus(sessions));

    [Fact]
    public void The_warning_names_the_days_and_the_year()
    {
        var year = new AcademicYear(2026);
        Assert.Null(SuspensionRules.LimitWarning(79, year));
        Assert.Equal("40 school days of suspension in 2026/27: approaching the legal limit of 45 school days in a school year", SuspensionRules.LimitWarning(80, year));
        Assert.Equal("45 school days of suspension in 2026/27: the legal limit of 45 school days in a school year has been reached", SuspensionRules.LimitWarning(90, year));
        Assert.Equal("45.5 school days of suspension in 2026/27: over the legal limit of 45 school days in a school year", SuspensionRules.LimitWarning(91, year));
    }

    [Theory]
    [InlineData(1, "half a school day")]
    [InlineData(2, "1 school day")]
    [InlineData(5, "2.5 school days")]
    [InlineData(90, "45 school days")]
    public void Sessions_read_as_school_days(int sessions, string expected) => Assert.Equal(expected, SuspensionRules.Days(sessions));

    [Theory]
    [InlineData("3", 6)]
    [InlineData(" 2.5 ", 5)]
    [InlineData("0.5", 1)]
    [InlineData("45", 90)]
    [InlineData("3 days", 6)]
    [InlineData("1 day", 2)]
    public void Lengths_are_typed_in_whole_or_half_days(string text, int sessions)
    {
        Assert.Equal(sessions, SuspensionRules.ParseDays(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "Enter the length of the suspension in school days")]
    [InlineData("two", "Length must be in whole or half school days, like 3 or 2.5")]
    [InlineData("2.25", "Length must be in whole or half school days, like 3 or 2.5")]
    [InlineData("-1", "Length must be in whole or half school days, like 3 or 2.5")]
    [InlineData("0", "Length must be at least half a school day")]
    [InlineData("45.5", "Length must be 45 school days or fewer: a suspension cannot be longer than the yearly limit")]
    public void Bad_lengths_are_refused_with_a_reason(string text, string message)
    {
        Assert.Null(SuspensionRules.ParseDays(text, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void A_suspension_must_start_on_a_school_day_within_the_recordable_range()
    {
        var today = Monday;
        Assert.Empty(SuspensionRules.Validate(Monday, ["PD"], today));
        Assert.Empty(SuspensionRules.Validate(today.AddDays(25), ["PD"], today));
        Assert.Equal([("StartDate", "The start date must be a school day: 28 November 2026 is a Saturday")],
            SuspensionRules.Validate(new DateOnly(2026, 11, 28), ["PD"], today));
        Assert.Equal([("StartDate", "The start date must be no more than 28 days from today")],
            SuspensionRules.Validate(today.AddDays(29), ["PD"], today));
        Assert.Equal([("StartDate", "The start date must be on or after 1 September 2020, when the current reason codes began")],
            SuspensionRules.Validate(new DateOnly(2020, 8, 31), ["PD"], today));
        Assert.Equal([("Reasons", "Select at least one reason")], SuspensionRules.Validate(Monday, [], today));
    }

    [Fact]
    public void Follow_up_dates_cannot_be_before_the_first_day()
    {
        Assert.Empty(SuspensionRules.ValidateFollowUp(ExclusionKind.Suspension, Monday, Monday, "Eastmoor Pupil Referral Unit", Monday.AddDays(8), "Went well"));
        Assert.Equal(
            [("ProvisionFrom", "Alternative provision must start on or after the first day, 23 November 2026"),
             ("MeetingOn", "The reintegration meeting must be on or after the first day of the suspension, 23 November 2026")],
            SuspensionRules.ValidateFollowUp(ExclusionKind.Suspension, Monday, Monday.AddDays(-1), "PRU", Monday.AddDays(-1), null));
    }

    [Fact]
    public void Provision_needs_both_its_date_and_its_provider()
    {
        Assert.Equal([("ProvisionBy", "Enter who is providing the alternative provision")],
            SuspensionRules.ValidateFollowUp(ExclusionKind.Suspension, Monday, Monday, " ", null, null));
        Assert.Equal([("ProvisionFrom", "Enter the date alternative provision starts")],
            SuspensionRules.ValidateFollowUp(ExclusionKind.Suspension, Monday, null, "PRU", null, null));
        Assert.Equal([("MeetingOn", "Enter the date of the reintegration meeting")],
            SuspensionRules.ValidateFollowUp(ExclusionKind.Suspension, Monday, null, null, null, "Notes"));
    }

    [Fact]
    public void A_permanent_exclusion_has_no_reintegration_meeting() =>
        Assert.Equal([("MeetingOn", "A permanently excluded child does not return, so there is no reintegration meeting")],
            SuspensionRules.ValidateFollowUp(ExclusionKind.PermanentExclusion, Monday, Monday.AddDays(7), "Eastmoor PRU", Monday.AddDays(8), null));

    [Theory]
    [InlineData(Role.Headteacher, true, true)]
    [InlineData(Role.AttendanceLead, true, true)]
    [InlineData(Role.Senco, true, true)]
    [InlineData(Role.TransitionLead, false, false)]
    [InlineData(Role.LaOfficer, false, true)]
    [InlineData(Role.LaAdmin, false, true)]
    [InlineData(Role.SocialWorker, false, false)]
    [InlineData(Role.AdvisoryTeacher, false, false)]
    [InlineData(Role.Analyst, false, false)]
    public void Only_school_leaders_record_and_LA_officers_add_provision(Role role, bool record, bool provision)
    {
        Assert.Equal(record, SuspensionAccess.CanRecord(role));
        Assert.Equal(provision, SuspensionAccess.CanRecordProvision(role));
    }
}
