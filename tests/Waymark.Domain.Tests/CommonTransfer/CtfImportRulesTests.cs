using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfImportRulesTests
{
    [Theory]
    [InlineData("25.0", true, 25)]
    [InlineData("24.0", true, 24)]
    [InlineData(" 25 ", true, 25)]
    [InlineData("25.00", true, 25)]
    [InlineData("23.0", false, 23)]
    [InlineData("26.0", false, 26)]
    [InlineData("25.1", false, null)]
    [InlineData("v25", false, null)]
    [InlineData("", false, null)]
    public void Versions_24_and_25_are_read_and_others_named(string text, bool supported, int? major)
    {
        Assert.Equal(supported, CtfImportRules.IsSupportedVersion(text, out var found));
        Assert.Equal(major, found);
    }

    [Theory]
    [InlineData("M", Sex.Male)]
    [InlineData("f", Sex.Female)]
    [InlineData("U", Sex.Unknown)]
    public void Sex_codes(string text, Sex expected)
    {
        Assert.True(CtfImportRules.TryParseSex(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("Male")]
    [InlineData("9")]
    [InlineData("")]
    public void Other_sex_codes_are_refused(string text) => Assert.False(CtfImportRules.TryParseSex(text, out _));

    [Theory]
    [InlineData("R", 0)]
    [InlineData("E1", -4)]
    [InlineData("n2", -1)]
    [InlineData("6", 6)]
    [InlineData("14", 14)]
    public void NC_years_are_the_census_codes(string text, int value)
    {
        Assert.True(CtfImportRules.TryParseNcYear(text, out var year));
        Assert.Equal(new NcYear(value), year);
    }

    [Fact]
    public void X_is_a_valid_NC_year_code_that_gives_no_year()
    {
        Assert.True(CtfImportRules.TryParseNcYear("X", out var year));
        Assert.Null(year);
    }

    [Theory]
    [InlineData("Y6")]
    [InlineData("Year 6")]
    [InlineData("0")]
    [InlineData("15")]
    [InlineData("Reception")]
    public void Looser_NC_year_forms_are_refused(string text) => Assert.False(CtfImportRules.TryParseNcYear(text, out _));

    [Fact]
    public void The_year_group_offset_is_the_actual_year_less_the_chronological_one()
    {
        // Born 17 May 2014: 11 on 31 August 2025, so Year 7 in 2025/26.
        var born = new DateOnly(2014, 5, 17);
        var year = new AcademicYear(2025);

        Assert.Equal(0, CtfImportRules.YearGroupOffset(born, year, new NcYear(7)));
        Assert.Equal(-1, CtfImportRules.YearGroupOffset(born, year, new NcYear(6)));
        Assert.Null(CtfImportRules.YearGroupOffset(new DateOnly(2025, 10, 1), year, NcYear.Reception));
    }

    [Theory]
    [InlineData("K", ChildStatusType.SenSupport)]
    [InlineData("e", ChildStatusType.EhcPlan)]
    [InlineData("N", null)]
    public void SEN_provision_codes(string text, ChildStatusType? expected)
    {
        Assert.True(CtfImportRules.TryParseSenProvision(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("S")]
    [InlineData("A")]
    [InlineData("P")]
    [InlineData("EHC")]
    public void Other_SEN_provision_codes_are_refused(string text) => Assert.False(CtfImportRules.TryParseSenProvision(text, out _));

    [Fact]
    public void SEN_types_are_the_census_codes_only()
    {
        Assert.True(CtfImportRules.TryParseSenType("semh", out var need));
        Assert.Equal(SenPrimaryNeed.SEMH, need);
        Assert.False(CtfImportRules.TryParseSenType("Social, emotional and mental health", out _));
        Assert.False(CtfImportRules.TryParseSenType("ADHD", out _));
    }

    [Fact]
    public void SEN_history_becomes_episodes_each_ending_the_day_before_the_next_provision()
    {
        var episodes = CtfImportRules.SenEpisodes(
        [
            (new DateOnly(2023, 9, 1), ChildStatusType.EhcPlan),
            (new DateOnly(2020, 9, 1), ChildStatusType.SenSupport),
            (new DateOnly(2021, 9, 1), ChildStatusType.SenSupport),
        ]);

        Assert.Equal(
        [
            new SenEpisode(SenProvision.SenSupport, new DateOnly(2020, 9, 1), new DateOnly(2023, 8, 31), null),
            new SenEpisode(SenProvision.EhcPlan, new DateOnly(2023, 9, 1), null, null),
        ], episodes);
    }

    [Fact]
    public void No_SEN_ends_the_provision_before_it_and_starts_none()
    {
        var episodes = CtfImportRules.SenEpisodes(
        [
            (new DateOnly(2020, 9, 1), ChildStatusType.SenSupport),
            (new DateOnly(2022, 1, 10), null),
        ]);

        Assert.Equal([new SenEpisode(SenProvision.SenSupport, new DateOnly(2020, 9, 1), new DateOnly(2022, 1, 9), null)], episodes);
        Assert.Empty(CtfImportRules.SenEpisodes([(new DateOnly(2020, 9, 1), null)])!);
    }

    [Fact]
    public void Two_SEN_entries_on_one_date_are_ambiguous()
    {
        Assert.Null(CtfImportRules.SenEpisodes([(new DateOnly(2020, 9, 1), ChildStatusType.SenSupport), (new DateOnly(2020, 9, 1), ChildStatusType.EhcPlan)]));
    }

    [Theory]
    [InlineData("em1 2ab", "EM1 2AB")]
    [InlineData("EM12AB", "EM1 2AB")]
    [InlineData("W1A 0AX", "W1A 0AX")]
    [InlineData("ec1a1bb", "EC1A 1BB")]
    [InlineData("M1 1AE", "M1 1AE")]
    public void Postcodes_are_written_the_Royal_Mail_way(string text, string expected)
    {
        Assert.True(CtfImportRules.TryNormalisePostcode(text, out var postcode));
        Assert.Equal(expected, postcode);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("EM1")]
    [InlineData("EM1 2A")]
    [InlineData("<b>EM1 2AB</b>")]
    public void Other_postcodes_are_refused(string text) => Assert.False(CtfImportRules.TryNormalisePostcode(text, out _));

    [Fact]
    public void Ethnicity_and_language_codes_are_capital_letters()
    {
        Assert.True(CtfImportRules.IsEthnicityCode("WBRI"));
        Assert.True(CtfImportRules.IsEthnicityCode("WENG"));
        Assert.False(CtfImportRules.IsEthnicityCode("WBR"));
        Assert.False(CtfImportRules.IsEthnicityCode("wbri"));
        Assert.True(CtfImportRules.IsLanguageCode("ENG"));
        Assert.True(CtfImportRules.IsLanguageCode("ARAA"));
        Assert.False(CtfImportRules.IsLanguageCode("EN"));
        Assert.False(CtfImportRules.IsLanguageCode("ENG1"));
    }
}
