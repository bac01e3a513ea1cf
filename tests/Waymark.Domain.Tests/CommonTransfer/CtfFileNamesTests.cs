using Waymark.Domain.CommonTransfer;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfFileNamesTests
{
    private static readonly CtfParty Primary = CtfParty.School(823, 2001);

    private static readonly CtfParty Secondary = CtfParty.School(823, 4001);

    [Fact]
    public void The_name_is_sender_CTF_receiver_and_a_three_digit_number()
    {
        Assert.Equal("8232001_CTF_8234001_001.xml", CtfFileNames.Format(Primary, Secondary, 1));
        Assert.Equal("823LLLL_CTF_MMMMMMM_042.xml", CtfFileNames.Format(CtfParty.LocalAuthority(823), CtfParty.MissingPupil, 42));
        Assert.Equal("823LLLL_CTF_XXXXXXX_999.xml", CtfFileNames.Format(CtfParty.LocalAuthority(823), CtfParty.LeftMaintainedSector, 999));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Numbers_outside_001_to_999_are_refused(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CtfFileNames.Format(Primary, Secondary, sequence));

    [Theory]
    [InlineData("8232001_CTF_8234001_007.xml", true, 7)]
    [InlineData("8232001_ctf_8234001_120.XML", true, 120)]
    [InlineData("8232001_CTF_8234002_007.xml", false, 0)]
    [InlineData("8234001_CTF_8232001_007.xml", false, 0)]
    [InlineData("8232001_CTF_8234001_07.xml", false, 0)]
    [InlineData("8232001_CTF_8234001_0007.xml", false, 0)]
    [InlineData("8232001_CTF_8234001_00a.xml", false, 0)]
    [InlineData("8232001_CTF_8234001_000.xml", false, 0)]
    [InlineData("8232001_CTF_8234001_007.xml.bak", false, 0)]
    public void Only_a_file_between_the_same_pair_gives_a_sequence_number(string fileName, bool matches, int expected)
    {
        Assert.Equal(matches, CtfFileNames.TrySequence(fileName, Primary, Secondary, out var sequence));
        Assert.Equal(expected, sequence);
    }

    [Fact]
    public void The_next_number_is_one_more_than_the_highest_used_and_never_fills_a_gap()
    {
        Assert.Equal(1, CtfFileNames.Next([]));
        Assert.Equal(2, CtfFileNames.Next([1]));
        Assert.Equal(4, CtfFileNames.Next([3, 1, 0]));
        Assert.Equal(999, CtfFileNames.Next([998]));
        Assert.Null(CtfFileNames.Next([999]));
    }
}
