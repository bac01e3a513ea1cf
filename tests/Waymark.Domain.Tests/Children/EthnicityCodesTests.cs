using Waymark.Domain.Children;

namespace Waymark.Domain.Tests.Children;

public class EthnicityCodesTests
{
    [Theory]
    [InlineData("WBRI", "White British")]
    [InlineData("WIRI", "White Irish")]
    [InlineData("WIRT", "Traveller of Irish heritage")]
    [InlineData("WOTH", "Any other White background")]
    [InlineData("WROM", "Gypsy/Roma")]
    [InlineData("MWBC", "White and Black Caribbean")]
    [InlineData("MWBA", "White and Black African")]
    [InlineData("MWAS", "White and Asian")]
    [InlineData("MOTH", "Any other mixed background")]
    [InlineData("AIND", "Indian")]
    [InlineData("APKN", "Pakistani")]
    [InlineData("ABAN", "Bangladeshi")]
    [InlineData("AOTH", "Any other Asian background")]
    [InlineData("BCRB", "Black Caribbean")]
    [InlineData("BAFR", "Black African")]
    [InlineData("BOTH", "Any other Black background")]
    [InlineData("CHNE", "Chinese")]
    [InlineData("OOTH", "Any other ethnic group")]
    [InlineData("REFU", "Refused")]
    [InlineData("NOBT", "Information not yet obtained")]
    public void Main_codes_have_dfe_names(string code, string name)
    {
        Assert.Equal(name, EthnicityCodes.All[code]);
        Assert.Equal(name, EthnicityCodes.DisplayName(code));
    }

    [Fact]
    public void All_has_exactly_the_20_main_codes_in_dfe_order()
    {
        Assert.Equal(
            ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
             "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"],
            EthnicityCodes.All.Keys);
    }

    [Theory]
    [InlineData("wbri", "White British")]
    [InlineData(" Chne ", "Chinese")]
    public void DisplayName_ignores_case_and_spaces(string code, string name)
    {
        Assert.Equal(name, EthnicityCodes.DisplayName(code));
    }

    [Theory]
    [InlineData("WENG")]
    [InlineData("XXXX")]
    [InlineData("")]
    [InlineData("wxyz")]
    public void DisplayName_returns_unknown_codes_unchanged(string code)
    {
        Assert.Equal(code, EthnicityCodes.DisplayName(code));
    }

    [Fact]
    public void All_cannot_be_changed_by_callers()
    {
        var asDictionary = EthnicityCodes.All as IDictionary<string, string>;

        Assert.NotNull(asDictionary);
        Assert.True(asDictionary.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => asDictionary["WBRI"] = "changed");
    }
}
