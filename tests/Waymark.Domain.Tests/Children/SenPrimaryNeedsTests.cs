using Waymark.Domain.Children;

namespace Waymark.Domain.Tests.Children;

public class SenPrimaryNeedsTests
{
    [Theory]
    [InlineData(SenPrimaryNeed.SPLD, "SPLD", "Specific learning difficulty")]
    [InlineData(SenPrimaryNeed.MLD, "MLD", "Moderate learning difficulty")]
    [InlineData(SenPrimaryNeed.SLD, "SLD", "Severe learning difficulty")]
    [InlineData(SenPrimaryNeed.PMLD, "PMLD", "Profound and multiple learning difficulty")]
    [InlineData(SenPrimaryNeed.SEMH, "SEMH", "Social, emotional and mental health")]
    [InlineData(SenPrimaryNeed.SLCN, "SLCN", "Speech, language and communication needs")]
    [InlineData(SenPrimaryNeed.HI, "HI", "Hearing impairment")]
    [InlineData(SenPrimaryNeed.VI, "VI", "Visual impairment")]
    [InlineData(SenPrimaryNeed.MSI, "MSI", "Multi-sensory impairment")]
    [InlineData(SenPrimaryNeed.PD, "PD", "Physical disability")]
    [InlineData(SenPrimaryNeed.ASD, "ASD", "Autistic spectrum disorder")]
    [InlineData(SenPrimaryNeed.OTH, "OTH", "Other difficulty or disability")]
    [InlineData(SenPrimaryNeed.NSA, "NSA", "SEN support but no specialist assessment of type of need")]
    public void Codes_and_dfe_names(SenPrimaryNeed need, string code, string displayName)
    {
        Assert.Equal(code, SenPrimaryNeeds.Code(need));
        Assert.Equal(displayName, SenPrimaryNeeds.DisplayName(need));
    }

    [Fact]
    public void Every_code_and_name_round_trips_through_TryParse()
    {
        Assert.Equal(13, SenPrimaryNeeds.All.Count);
        foreach (var need in SenPrimaryNeeds.All)
        {
            Assert.True(SenPrimaryNeeds.TryParse(SenPrimaryNeeds.Code(need), out var fromCode));
            Assert.Equal(need, fromCode);
            Assert.True(SenPrimaryNeeds.TryParse(SenPrimaryNeeds.Code(need).ToLowerInvariant(), out var fromLower));
            Assert.Equal(need, fromLower);
            Assert.True(SenPrimaryNeeds.TryParse(SenPrimaryNeeds.DisplayName(need), out var fromName));
            Assert.Equal(need, fromName);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("AUT")]
    [InlineData("Autism")]
    [InlineData("SEN")]
    [InlineData("SPLD,MLD")]
    public void TryParse_rejects_other_text(string text)
    {
        Assert.False(SenPrimaryNeeds.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_trims_and_rejects_null()
    {
        Assert.True(SenPrimaryNeeds.TryParse(" semh ", out var need));
        Assert.Equal(SenPrimaryNeed.SEMH, need);
        Assert.False(SenPrimaryNeeds.TryParse(null!, out _));
    }

    [Fact]
    public void Undefined_value_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SenPrimaryNeeds.DisplayName((SenPrimaryNeed)50));
        Assert.Throws<ArgumentOutOfRangeException>(() => SenPrimaryNeeds.Code((SenPrimaryNeed)50));
    }
}
