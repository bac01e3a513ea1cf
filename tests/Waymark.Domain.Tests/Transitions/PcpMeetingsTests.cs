using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class PcpMeetingsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Up_to_two_meetings_leave_room_for_another(int arranged)
    {
        Assert.Null(PcpMeetings.WhyNoMoreMeetings(arranged));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void A_fourth_meeting_is_refused_with_a_reason(int arranged)
    {
        var why = PcpMeetings.WhyNoMoreMeetings(arranged);

        Assert.NotNull(why);
        Assert.Contains("3 person-centred planning meetings", why, StringComparison.Ordinal);
        Assert.Contains("Cancel a planned meeting", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Attendance_by_role_lists_every_role_in_order_even_with_no_invitees()
    {
        var rows = PcpMeetings.AttendanceByRole([]);

        Assert.Equal(Enum.GetValues<MeetingRole>(), rows.Select(r => r.Role));
        Assert.All(rows, r =>
        {
            Assert.Equal(0, r.Invited);
            Assert.Equal(0, r.Recorded);
            Assert.Null(r.AttendedPercent);
            Assert.Null(r.ContributedPercent);
        });
    }

    [Fact]
    public void Attendance_by_role_counts_each_kind_of_attendance_within_its_role()
    {
        var rows = PcpMeetings.AttendanceByRole(
        [
            (MeetingRole.ParentCarer, MeetingAttendance.Attended),
            (MeetingRole.ParentCarer, MeetingAttendance.DidNotAttend),
            (MeetingRole.SocialWorker, MeetingAttendance.SentDelegate),
            (MeetingRole.SocialWorker, MeetingAttendance.SentWrittenUpdate),
            (MeetingRole.SocialWorker, MeetingAttendance.Attended),
            (MeetingRole.SecondaryStaff, MeetingAttendance.NotRecorded),
            (MeetingRole.Pupil, MeetingAttendance.Attended),
        ]).ToDictionary(r => r.Role);

        Assert.Equal(new RoleAttendance(MeetingRole.ParentCarer, 2, 1, 0, 0, 1), rows[MeetingRole.ParentCarer]);
        Assert.Equal(new RoleAttendance(MeetingRole.SocialWorker, 3, 1, 1, 1, 0), rows[MeetingRole.SocialWorker]);
        Assert.Equal(new RoleAttendance(MeetingRole.Pupil, 1, 1, 0, 0, 0), rows[MeetingRole.Pupil]);
        Assert.Equal(new RoleAttendance(MeetingRole.PrimaryStaff, 0, 0, 0, 0, 0), rows[MeetingRole.PrimaryStaff]);
        Assert.Equal(new RoleAttendance(MeetingRole.Other, 0, 0, 0, 0, 0), rows[MeetingRole.Other]);
    }

    [Fact]
    public void Invitees_not_yet_recorded_count_as_invited_but_not_in_the_rates()
    {
        var secondary = PcpMeetings.AttendanceByRole(
        [
            (MeetingRole.SecondaryStaff, MeetingAttendance.NotRecorded),
            (MeetingRole.SecondaryStaff, MeetingAttendance.NotRecorded),
            (MeetingRole.SecondaryStaff, MeetingAttendance.Attended),
        ]).Single(r => r.Role == MeetingRole.SecondaryStaff);

        Assert.Equal(3, secondary.Invited);
        Assert.Equal(1, secondary.Recorded);
        Assert.Equal(100, secondary.AttendedPercent);
    }

    [Fact]
    public void Rates_are_whole_percentages_of_those_recorded_rounded_half_up()
    {
        var parents = PcpMeetings.AttendanceByRole(
        [
            (MeetingRole.ParentCarer, MeetingAttendance.Attended),
            (MeetingRole.ParentCarer, MeetingAttendance.SentWrittenUpdate),
            (MeetingRole.ParentCarer, MeetingAttendance.DidNotAttend),
        ]).Single(r => r.Role == MeetingRole.ParentCarer);
        var social = PcpMeetings.AttendanceByRole(
        [
            (MeetingRole.SocialWorker, MeetingAttendance.Attended),
            (MeetingRole.SocialWorker, MeetingAttendance.Attended),
            (MeetingRole.SocialWorker, MeetingAttendance.Attended),
            (MeetingRole.SocialWorker, MeetingAttendance.Attended),
            (MeetingRole.SocialWorker, MeetingAttendance.Attended),
            (MeetingRole.SocialWorker, MeetingAttendance.DidNotAttend),
            (MeetingRole.SocialWorker, MeetingAttendance.DidNotAttend),
            (MeetingRole.SocialWorker, MeetingAttendance.DidNotAttend),
        ]).Single(r => r.Role == MeetingRole.SocialWorker);

        Assert.Equal(33, parents.AttendedPercent);
        Assert.Equal(67, parents.ContributedPercent);
        Assert.Equal(63, social.AttendedPercent); // 62.5 rounds up
    }

    [Fact]
    public void Attendance_by_role_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => PcpMeetings.AttendanceByRole(null!));
    }

    [Fact]
    public void Every_role_attendance_and_status_has_a_display_name()
    {
        Assert.All(Enum.GetValues<MeetingRole>(), r => Assert.False(string.IsNullOrWhiteSpace(PcpMeetings.DisplayName(r))));
        Assert.All(Enum.GetValues<MeetingAttendance>(), a => Assert.False(string.IsNullOrWhiteSpace(PcpMeetings.DisplayName(a))));
        Assert.All(Enum.GetValues<MeetingStatus>(), s => Assert.False(string.IsNullOrWhiteSpace(PcpMeetings.DisplayName(s))));
        Assert.Equal("Parent or carer", PcpMeetings.DisplayName(MeetingRole.ParentCarer));
        Assert.Equal("Sent a delegate", PcpMeetings.DisplayName(MeetingAttendance.SentDelegate));
    }
}
