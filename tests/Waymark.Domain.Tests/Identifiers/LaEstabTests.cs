using Waymark.Domain.Identifiers;

namespace Waymark.Domain.Tests.Identifiers;

public class LaEstabTests
{
    [Theory]
    [InlineData(823, 2001, "8232001")]
    [InlineData(201, 0, "2010000")]
    [InlineData(1, 7, "0010007")]
    [InlineData(999, 9999, "9999999")]
    public void Format_pads_to_seven_digits(int la, int estab, string expected)
    {
        Assert.Equal(expected, LaEstab.Format(la, estab));
    }

    [Theory]
    [InlineData(-1, 2001)]
    [InlineData(1000, 2001)]
    [InlineData(823, -1)]
    [InlineData(823, 10000)]
    public void Format_rejects_out_of_range_parts(int la, int estab)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LaEstab.Format(la, estab));
    }

    [Theory]
    [InlineData("8232001", 823, 2001)]
    [InlineData(" 8232001 ", 823, 2001)]
    [InlineData("823/2001", 823, 2001)]
    [InlineData("0010007", 1, 7)]
    public void TryParse_reads_la_and_estab(string value, int la, int estab)
    {
        Assert.True(LaEstab.TryParse(value, out var parsedLa, out var parsedEstab));
        Assert.Equal(la, parsedLa);
        Assert.Equal(estab, parsedEstab);
    }

    [Theory]
    [InlineData("")]
    [InlineData("823200")]
    [InlineData("82320011")]
    [InlineData("823 2001")]
    [InlineData("82/32001")]
    [InlineData("823A001")]
    [InlineData("-823200")]
    [InlineData("+823200")]
    [InlineData("823/20011")]
    [InlineData("８２３２００１")]
    public void TryParse_rejects_malformed_values(string value)
    {
        Assert.False(LaEstab.TryParse(value, out var la, out var estab));
        Assert.Equal(0, la);
        Assert.Equal(0, estab);
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(LaEstab.TryParse(null!, out _, out _));
    }

    [Fact]
    public void Format_and_TryParse_round_trip()
    {
        foreach (var la in LocalAuthorityCodes.All)
        {
            var text = LaEstab.Format(la, la * 11 % 10000);

            Assert.True(LaEstab.TryParse(text, out var parsedLa, out var parsedEstab));
            Assert.Equal(la, parsedLa);
            Assert.Equal(la * 11 % 10000, parsedEstab);
        }
    }
}
