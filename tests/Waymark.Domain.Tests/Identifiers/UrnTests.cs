using Waymark.Domain.Identifiers;

namespace Waymark.Domain.Tests.Identifiers;

public class UrnTests
{
    [Theory]
    [InlineData(100000)]
    [InlineData(100006)]
    [InlineData(139094)]
    [InlineData(999999)]
    public void Six_digit_numbers_are_valid(int urn)
    {
        Assert.True(Urn.IsValid(urn));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100006)]
    [InlineData(99999)]
    [InlineData(1000000)]
    [InlineData(int.MaxValue)]
    public void Other_numbers_are_not_valid(int urn)
    {
        Assert.False(Urn.IsValid(urn));
    }
}
