using Waymark.Domain.EarlyHelp;

namespace Waymark.Domain.Tests.EarlyHelp;

public class ReadinessToChangeTests
{
    [Theory]
    [InlineData(1, "Not ready for changes yet")]
    [InlineData(3, "Taking first steps to change")]
    [InlineData(5, "Keeping things going well")]
    public void Each_point_has_the_label_of_the_plan_form(int readiness, string label)
    {
        Assert.Equal(label, ReadinessToChange.Label(readiness));
        Assert.Null(ReadinessToChange.Problem(readiness));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Off_the_scale_is_refused(int readiness)
    {
        Assert.Equal("Readiness to change must be from 1 (not ready for changes yet) to 5 (keeping things going well)", ReadinessToChange.Problem(readiness));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadinessToChange.Label(readiness));
    }

    [Fact]
    public void Missing_is_refused() => Assert.Equal("Select how ready the family is for this change, from 1 to 5", ReadinessToChange.Problem(null));

    [Fact]
    public void The_values_run_1_to_5() => Assert.Equal([1, 2, 3, 4, 5], ReadinessToChange.Values);
}
