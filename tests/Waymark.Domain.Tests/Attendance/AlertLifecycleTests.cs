using Waymark.Domain.Attendance.Alerts;

namespace Waymark.Domain.Tests.Attendance;

public class AlertLifecycleTests
{
    [Theory]
    [InlineData(true, false, false, AlertStep.Keep)]
    [InlineData(true, false, true, AlertStep.Keep)]
    [InlineData(true, true, false, AlertStep.Reopen)]
    [InlineData(true, true, true, AlertStep.Keep)]
    [InlineData(false, false, false, AlertStep.Clear)]
    [InlineData(false, false, true, AlertStep.Clear)]
    [InlineData(false, true, false, AlertStep.Keep)]
    [InlineData(false, true, true, AlertStep.Keep)]
    public void An_unhandled_alert_reopens_when_its_condition_returns_and_a_handled_one_is_final(bool holds, bool cleared, bool handled, AlertStep expected) =>
        Assert.Equal(expected, AlertLifecycle.Next(holds, cleared, handled));
}
