using Waymark.Domain.LinkCalls;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.LinkCalls;

public class LinkCallRulesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_next_call_is_two_weeks_after_the_last_and_overdue_from_the_day_after()
    {
        var linked = D("2026-09-01");
        var due = LinkCallRules.NextCall(linked, D("2026-11-02"), D("2026-11-16"));
        Assert.Equal(D("2026-11-16"), due.DueOn);
        Assert.False(due.Overdue);
        Assert.Equal("Due today", due.DaysText);

        var late = LinkCallRules.NextCall(linked, D("2026-11-02"), D("2026-11-17"));
        Assert.True(late.Overdue);
        Assert.Equal("1 day overdue", late.DaysText);
    }

    [Fact]
    public void A_school_never_called_is_due_two_weeks_after_it_was_linked_and_a_late_call_moves_the_next_on()
    {
        Assert.Equal(D("2026-09-15"), LinkCallRules.NextCall(D("2026-09-01"), null, D("2026-09-02")).DueOn);
        // A call recorded before the school was linked to this officer (an earlier officer's) does not count.
        Assert.Equal(D("2026-09-15"), LinkCallRules.NextCall(D("2026-09-01"), D("2026-08-20"), D("2026-09-02")).DueOn);
        // Called three days late, on 18 September: the next is due on 2 October, not 29 September.
        Assert.Equal(D("2026-10-02"), LinkCallRules.NextCall(D("2026-09-01"), D("2026-09-18"), D("2026-09-20")).DueOn);
    }

    [Fact]
    public void The_termly_meeting_is_due_by_the_end_of_the_term_unless_held_in_it()
    {
        // Autumn term 2026: 1 September to 31 December.
        var due = LinkCallRules.TermlyMeeting([D("2026-07-10")], D("2026-12-01"));
        Assert.Equal(D("2026-12-31"), due?.DueOn);
        Assert.Equal(30, due?.DaysLeft);
        Assert.Null(LinkCallRules.TermlyMeeting([D("2026-09-01")], D("2026-12-31")));

        // Spring 2027 runs from 1 January to Easter Sunday, 28 March 2027.
        Assert.Equal(D("2027-03-28"), LinkCallRules.TermlyMeeting([], D("2027-01-04"))?.DueOn);
    }

    [Fact]
    public void A_school_missed_last_terms_meeting_only_if_it_was_linked_for_the_whole_term()
    {
        var today = D("2027-01-10");
        Assert.True(LinkCallRules.MissedLastTerm([D("2026-08-31")], D("2026-06-01"), today));
        Assert.False(LinkCallRules.MissedLastTerm([D("2026-12-31")], D("2026-06-01"), today));
        Assert.False(LinkCallRules.MissedLastTerm([], D("2026-10-01"), today));
    }

    [Fact]
    public void Actions_are_overdue_from_the_day_after_their_date_until_done()
    {
        Assert.False(LinkCallRules.ActionOverdue(D("2026-11-20"), null, D("2026-11-20")));
        Assert.True(LinkCallRules.ActionOverdue(D("2026-11-20"), null, D("2026-11-21")));
        Assert.False(LinkCallRules.ActionOverdue(D("2026-11-20"), D("2026-11-25"), D("2026-12-01")));
        Assert.Null(LinkCallRules.ActionDueProblem(D("2026-11-20"), D("2026-11-20")));
        Assert.Equal("The date the action is due must be on or after the call, 20 November 2026", LinkCallRules.ActionDueProblem(D("2026-11-19"), D("2026-11-20")));
        Assert.NotNull(LinkCallRules.HeldOnProblem(D("2026-11-21"), D("2026-11-20")));
    }

    [Theory]
    [InlineData(Role.LaOfficer, true, false)]
    [InlineData(Role.LaAdmin, true, false)]
    [InlineData(Role.Headteacher, false, true)]
    [InlineData(Role.Senco, false, true)]
    [InlineData(Role.SocialWorker, false, false)]
    [InlineData(Role.SenCaseOfficer, false, false)]
    [InlineData(Role.Analyst, false, false)]
    public void Officers_record_and_a_schools_own_staff_see_their_school(Role role, bool record, bool ownSchool)
    {
        Assert.Equal(record, LinkCallAccess.CanRecord(role));
        Assert.Equal(ownSchool, LinkCallAccess.CanSeeOwnSchool(role));
    }
}
