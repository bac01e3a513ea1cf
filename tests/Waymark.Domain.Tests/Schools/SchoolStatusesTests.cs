using Waymark.Domain.Schools;

namespace Waymark.Domain.Tests.Schools;

public class SchoolStatusesTests
{
    [Theory]
    [InlineData(SchoolStatus.Open, "Open", true)]
    [InlineData(SchoolStatus.Closed, "Closed", false)]
    [InlineData(SchoolStatus.OpenButProposedToClose, "Open, but proposed to close", true)]
    [InlineData(SchoolStatus.ProposedToOpen, "Proposed to open", false)]
    public void Gias_names_parse_and_only_schools_teaching_pupils_now_are_open(SchoolStatus status, string name, bool open)
    {
        Assert.Equal(name, SchoolStatuses.DisplayName(status));
        Assert.True(SchoolStatuses.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal(open, SchoolStatuses.IsOpen(status));
    }

    [Theory]
    [InlineData(" open ", SchoolStatus.Open)]
    [InlineData("CLOSED", SchoolStatus.Closed)]
    [InlineData("open, but proposed to close", SchoolStatus.OpenButProposedToClose)]
    public void TryParse_ignores_case_and_surrounding_spaces(string text, SchoolStatus expected)
    {
        Assert.True(SchoolStatuses.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("Opened")]
    [InlineData("Open but proposed to close")]
    [InlineData("Proposed to close")]
    public void TryParse_rejects_anything_else(string? text)
    {
        Assert.False(SchoolStatuses.TryParse(text, out _));
    }

    [Fact]
    public void Undefined_value_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolStatuses.DisplayName((SchoolStatus)9));
    }
}

public class SchoolLinkTypesTests
{
    [Theory]
    [InlineData("Predecessor", SchoolLinkDirection.Predecessor)]
    [InlineData("Predecessor - merged", SchoolLinkDirection.Predecessor)]
    [InlineData("Predecessor - amalgamated", SchoolLinkDirection.Predecessor)]
    [InlineData("Predecessor - Split School", SchoolLinkDirection.Predecessor)]
    [InlineData("Successor", SchoolLinkDirection.Successor)]
    [InlineData("successor - merged", SchoolLinkDirection.Successor)]
    [InlineData(" Successor - amalgamated ", SchoolLinkDirection.Successor)]
    [InlineData("Successor - Split School", SchoolLinkDirection.Successor)]
    [InlineData("Result of Amalgamation", SchoolLinkDirection.Other)]
    [InlineData("Sixth Form Centre Link", SchoolLinkDirection.Other)]
    [InlineData("Sixth Form Centre School", SchoolLinkDirection.Other)]
    [InlineData("Merged - change in age range", SchoolLinkDirection.Other)]
    [InlineData("Expansion", SchoolLinkDirection.Other)]
    [InlineData("Closure", SchoolLinkDirection.Other)]
    [InlineData("Other", SchoolLinkDirection.Other)]
    [InlineData("Successors", SchoolLinkDirection.Other)]
    [InlineData("", SchoolLinkDirection.Other)]
    public void The_direction_is_read_from_the_gias_wording(string linkType, SchoolLinkDirection expected)
    {
        Assert.Equal(expected, SchoolLinkTypes.Direction(linkType));
    }
}
