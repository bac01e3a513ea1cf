using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class MeetingRulesTests
{
    private static readonly DateOnly Today = new(2027, 3, 3);

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("09:05", 9, 5)]
    [InlineData("9:05", 9, 5)]
    [InlineData("14.30", 14, 30)]
    [InlineData("0930", 9, 30)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    [InlineData("2:30pm", 14, 30)]
    [InlineData("2.30 PM", 14, 30)]
    [InlineData("2pm", 14, 0)]
    [InlineData("11:15am", 11, 15)]
    [InlineData("12pm", 12, 0)]
    [InlineData("12:30am", 0, 30)]
    [InlineData(" midday ", 12, 0)]
    [InlineData("midnight", 0, 0)]
    public void Start_times_are_read_as_people_write_them(string text, int hour, int minute)
    {
        Assert.Equal(new TimeOnly(hour, minute), MeetingRules.ParseStartTime(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("24:00")]
    [InlineData("14:60")]
    [InlineData("14:5")]
    [InlineData("14")]
    [InlineData("930")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("14:30pm")]
    [InlineData("half two")]
    [InlineData("-1:30")]
    [InlineData("1:30:00")]
    public void Times_that_are_not_real_are_refused(string? text)
    {
        Assert.Null(MeetingRules.ParseStartTime(text));
    }

    [Fact]
    public void A_meeting_can_be_recorded_on_its_day_and_after()
    {
        Assert.Null(MeetingRules.WhyCannotRecord(MeetingStatus.Planned, Today, Today));
        Assert.Null(MeetingRules.WhyCannotRecord(MeetingStatus.Planned, Today.AddDays(-10), Today));
        Assert.Null(MeetingRules.WhyCannotRecord(MeetingStatus.Held, Today.AddDays(-1), Today));
    }

    [Fact]
    public void A_meeting_cannot_be_recorded_before_its_day()
    {
        Assert.Equal("You can record this meeting from 4 March 2027, the day it is held",
            MeetingRules.WhyCannotRecord(MeetingStatus.Planned, Today.AddDays(1), Today));
    }

    [Fact]
    public void A_cancelled_meeting_cannot_be_recorded()
    {
        Assert.NotNull(MeetingRules.WhyCannotRecord(MeetingStatus.Cancelled, Today.AddDays(-1), Today));
    }

    [Fact]
    public void Only_a_planned_meeting_can_be_cancelled()
    {
        Assert.Null(MeetingRules.WhyCannotCancel(MeetingStatus.Planned));
        Assert.NotNull(MeetingRules.WhyCannotCancel(MeetingStatus.Held));
        Assert.NotNull(MeetingRules.WhyCannotCancel(MeetingStatus.Cancelled));
    }

    [Fact]
    public void Actions_cannot_be_added_to_a_cancelled_meeting()
    {
        Assert.Null(MeetingRules.WhyNoActions(MeetingStatus.Planned));
        Assert.Null(MeetingRules.WhyNoActions(MeetingStatus.Held));
        Assert.NotNull(MeetingRules.WhyNoActions(MeetingStatus.Cancelled));
    }
}
