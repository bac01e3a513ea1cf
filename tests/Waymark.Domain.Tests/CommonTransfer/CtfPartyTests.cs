using Waymark.Domain.CommonTransfer;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfPartyTests
{
    [Theory]
    [InlineData("8234001", CtfPartyKind.School, "823", "4001")]
    [InlineData(" 823/4001 ", CtfPartyKind.School, "823", "4001")]
    [InlineData("0010007", CtfPartyKind.School, "001", "0007")]
    [InlineData("823LLLL", CtfPartyKind.LocalAuthority, "823", "LLLL")]
    [InlineData("823llll", CtfPartyKind.LocalAuthority, "823", "LLLL")]
    [InlineData("MMMMMMM", CtfPartyKind.MissingPupil, "MMM", "MMMM")]
    [InlineData("xxxxxxx", CtfPartyKind.LeftMaintainedSector, "XXX", "XXXX")]
    public void Destinations_are_read_in_any_case(string text, CtfPartyKind kind, string lea, string estab)
    {
        Assert.Null(CtfParty.ParseDestination(text, out var party));
        Assert.Equal(kind, party!.Kind);
        Assert.Equal(lea, party.Lea);
        Assert.Equal(estab, party.Estab);
        Assert.Equal(lea + estab, party.Code);
    }

    [Theory]
    [InlineData("LLLLLLL", "'LLLLLLL': a local authority is written as its 3-digit number and LLLL, for example 823LLLL")]
    [InlineData("999LLLL", "'999LLLL': 999 is not a DfE local authority number")]
    [InlineData("823400", "'823400' is not a destination: give ")]
    [InlineData("82340011", "'82340011' is not a destination: give ")]
    [InlineData("MMMM", "'MMMM' is not a destination: give ")]
    [InlineData("823MMMM", "'823MMMM' is not a destination: give ")]
    [InlineData("", "Give the destination: ")]
    [InlineData(null, "Give the destination: ")]
    public void Anything_else_is_refused_with_the_reason(string? text, string expected)
    {
        var problem = CtfParty.ParseDestination(text, out var party);

        Assert.Null(party);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schools_numbers_come_back_and_other_parties_have_none()
    {
        Assert.Equal((823, 4001), CtfParty.School(823, 4001).SchoolNumbers);
        Assert.Throws<InvalidOperationException>(() => CtfParty.LocalAuthority(823).SchoolNumbers);
        Assert.Throws<InvalidOperationException>(() => CtfParty.MissingPupil.SchoolNumbers);
    }
}
