using Waymark.Domain.Children;

namespace Waymark.Domain.Tests.Children;

public class SexesTests
{
    [Theory]
    [InlineData("F", Sex.Female)]
    [InlineData("f", Sex.Female)]
    [InlineData("Female", Sex.Female)]
    [InlineData(" FEMALE ", Sex.Female)]
    [InlineData("M", Sex.Male)]
    [InlineData("m", Sex.Male)]
    [InlineData("male", Sex.Male)]
    [InlineData("U", Sex.Unknown)]
    [InlineData("Unknown", Sex.Unknown)]
    [InlineData("Not known", Sex.Unknown)]
    [InlineData("", Sex.Unknown)]
    [InlineData("  ", Sex.Unknown)]
    public void FromCode_reads_codes_and_words(string code, Sex expected)
    {
        Assert.Equal(expected, Sexes.FromCode(code));
    }

    [Fact]
    public void FromCode_treats_null_as_unknown()
    {
        Assert.Equal(Sex.Unknown, Sexes.FromCode(null!));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("W")]
    [InlineData("Fe")]
    [InlineData("1")]
    [InlineData("Mail")]
    public void FromCode_throws_for_unrecognised_values(string code)
    {
        Assert.Throws<ArgumentException>(() => Sexes.FromCode(code));
    }

    [Theory]
    [InlineData(Sex.Female, "F")]
    [InlineData(Sex.Male, "M")]
    [InlineData(Sex.Unknown, "U")]
    public void Code_is_single_letter(Sex sex, string expected)
    {
        Assert.Equal(expected, Sexes.Code(sex));
    }

    [Fact]
    public void Code_round_trips_through_FromCode()
    {
        foreach (var sex in Enum.GetValues<Sex>())
        {
            Assert.Equal(sex, Sexes.FromCode(Sexes.Code(sex)));
        }
    }

    [Fact]
    public void Code_throws_for_undefined_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sexes.Code((Sex)9));
    }
}
