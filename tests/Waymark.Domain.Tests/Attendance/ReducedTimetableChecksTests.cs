using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Tests.Attendance;

public sealed class ReducedTimetableChecksTests
{
    // Monday 1 September 2025: six weeks later, counting both ends, is Sunday 12 October.
    private static readonly DateOnly Start = new(2025, 9, 1);

    private static ReducedTimetableState Open(DateOnly plannedEnd) => new(Start, plannedEnd, EndedOn: null, PlanToFullTime: "Add an afternoon a week",
        LastReviewOn: null, NextReviewOn: null, HasSocialWorker: false, SocialWorkerInformedOn: null);

    private static AlertKind[] Kinds(ReducedTimetableState t, DateOnly today) => ReducedTimetableChecks.Check(t, today).Select(f => f.Kind).ToArray();

    [Fact]
    public void Exactly_six_weeks_planned_is_not_too_long_one_day_more_is()
    {
        var sixWeeks = Open(new DateOnly(2025, 10, 12));
        var oneDayMore = Open(new DateOnly(2025, 10, 13));

        Assert.Equal(42, ReducedTimetableChecks.LengthInDays(sixWeeks, Start));
        Assert.False(ReducedTimetableChecks.IsOverSixWeeks(sixWeeks, Start));
        Assert.True(ReducedTimetableChecks.IsOverSixWeeks(oneDayMore, Start));
        var finding = Assert.Single(ReducedTimetableChecks.Check(oneDayMore, Start));
        Assert.Equal((AlertKind.ReducedTimetableOverSixWeeks, AlertOwner.LocalAuthority), (finding.Kind, finding.Owner));
        Assert.Equal("Reduced timetable since 1 September 2025, planned to end 13 October 2025: 43 days, longer than six weeks", finding.Summary);
    }

    [Fact]
    public void A_short_timetable_still_open_past_six_weeks_is_too_long()
    {
        var t = Open(new DateOnly(2025, 9, 26)) with { NextReviewOn = new DateOnly(2025, 12, 1) };

        Assert.Empty(Kinds(t, new DateOnly(2025, 10, 12)));
        var finding = Assert.Single(ReducedTimetableChecks.Check(t, new DateOnly(2025, 10, 13)));
        Assert.Equal(AlertKind.ReducedTimetableOverSixWeeks, finding.Kind);
        Assert.Contains("still running 17 days after its planned end: 43 days", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_the_timetable_clears_every_alert()
    {
        var t = new ReducedTimetableState(Start, new DateOnly(2026, 1, 30), EndedOn: new DateOnly(2025, 12, 19), PlanToFullTime: null,
            LastReviewOn: null, NextReviewOn: null, HasSocialWorker: true, SocialWorkerInformedOn: null);

        Assert.Empty(ReducedTimetableChecks.Check(t, new DateOnly(2026, 3, 1)));
        Assert.Equal(110, ReducedTimetableChecks.LengthInDays(t, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void No_plan_back_to_full_time_is_the_LAs_to_chase()
    {
        var finding = Assert.Single(ReducedTimetableChecks.Check(Open(new DateOnly(2025, 9, 19)) with { PlanToFullTime = "  " }, Start));

        Assert.Equal((AlertKind.ReducedTimetableWithoutPlan, AlertOwner.LocalAuthority), (finding.Kind, finding.Owner));
    }

    [Fact]
    public void The_first_review_is_due_two_weeks_after_the_start()
    {
        var t = Open(new DateOnly(2025, 10, 10));

        Assert.Equal(new DateOnly(2025, 9, 15), ReducedTimetableChecks.ReviewDue(t));
        Assert.Empty(Kinds(t, new DateOnly(2025, 9, 15)));
        var finding = Assert.Single(ReducedTimetableChecks.Check(t, new DateOnly(2025, 9, 16)));
        Assert.Equal((AlertKind.ReducedTimetableReviewOverdue, AlertOwner.School), (finding.Kind, finding.Owner));
        Assert.Equal("Reduced timetable since 1 September 2025, not yet reviewed: review was due 15 September 2025", finding.Summary);
    }

    [Fact]
    public void After_a_review_the_next_review_date_it_set_is_due()
    {
        var reviewed = Open(new DateOnly(2025, 10, 10)) with { LastReviewOn = new DateOnly(2025, 9, 12), NextReviewOn = new DateOnly(2025, 9, 26) };

        Assert.Empty(Kinds(reviewed, new DateOnly(2025, 9, 26)));
        Assert.Equal([AlertKind.ReducedTimetableReviewOverdue], Kinds(reviewed, new DateOnly(2025, 9, 27)));
        Assert.Equal(new DateOnly(2025, 9, 26), ReducedTimetableChecks.ReviewDue(reviewed with { NextReviewOn = null }));
    }

    [Fact]
    public void A_social_worker_not_informed_is_flagged_only_when_there_is_one()
    {
        var t = Open(new DateOnly(2025, 9, 19));

        Assert.Empty(Kinds(t, Start));
        Assert.Equal([AlertKind.ReducedTimetableSocialWorkerNotInformed], Kinds(t with { HasSocialWorker = true }, Start));
        Assert.Empty(Kinds(t with { HasSocialWorker = true, SocialWorkerInformedOn = Start }, Start));
    }

    [Fact]
    public void Every_alert_at_once()
    {
        var t = new ReducedTimetableState(Start, new DateOnly(2025, 12, 19), null, null, null, null, HasSocialWorker: true, SocialWorkerInformedOn: null);

        Assert.Equal(
            [AlertKind.ReducedTimetableOverSixWeeks, AlertKind.ReducedTimetableWithoutPlan, AlertKind.ReducedTimetableReviewOverdue, AlertKind.ReducedTimetableSocialWorkerNotInformed],
            Kinds(t, new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void C2_marks_outside_every_recorded_timetable_are_found()
    {
        var year = new AcademicYear(2025);
        var marks = new YearMarks(year);
        var c2 = AttendanceCodes.PartTimeTimetable;
        marks.Set(new DateOnly(2025, 9, 8), Session.PM, c2); // before the timetable
        marks.Set(new DateOnly(2025, 9, 15), Session.PM, c2); // its first day
        marks.Set(new DateOnly(2025, 10, 3), Session.PM, c2); // its last day
        marks.Set(new DateOnly(2025, 10, 6), Session.AM, c2); // the Monday after it ended
        marks.Set(new DateOnly(2025, 10, 6), Session.PM, AttendanceCodes.Present);
        marks.Set(new DateOnly(2026, 1, 12), Session.PM, c2); // covered by an open one

        var uncovered = ReducedTimetableChecks.PartTimeMarksWithoutTimetable(marks,
            [(new DateOnly(2025, 9, 15), new DateOnly(2025, 10, 3)), (new DateOnly(2026, 1, 5), null)]);

        Assert.Equal([(new DateOnly(2025, 9, 8), Session.PM), (new DateOnly(2025, 10, 6), Session.AM)], uncovered);
        Assert.Equal("2 C2 sessions from 8 September 2025 to 6 October 2025 with no reduced timetable recorded", ReducedTimetableChecks.DescribeUncovered(uncovered));
    }

    [Fact]
    public void With_no_timetable_every_C2_mark_is_found_and_other_codes_never_are()
    {
        var marks = new YearMarks(new AcademicYear(2025));
        marks.Set(new DateOnly(2026, 8, 31), Session.PM, AttendanceCodes.PartTimeTimetable);
        marks.Set(new DateOnly(2025, 9, 1), Session.AM, AttendanceCodes.Get("C1"));

        var uncovered = ReducedTimetableChecks.PartTimeMarksWithoutTimetable(marks, []);

        Assert.Equal([(new DateOnly(2026, 8, 31), Session.PM)], uncovered);
        Assert.Equal("1 C2 session on 31 August 2026 with no reduced timetable recorded", ReducedTimetableChecks.DescribeUncovered(uncovered));
        Assert.Empty(ReducedTimetableChecks.PartTimeMarksWithoutTimetable(new YearMarks(new AcademicYear(2025)), []));
    }
}
