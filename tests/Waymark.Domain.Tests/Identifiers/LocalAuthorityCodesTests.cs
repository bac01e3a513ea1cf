using Waymark.Domain.Identifiers;

namespace Waymark.Domain.Tests.Identifiers;

public class LocalAuthorityCodesTests
{
    // Rule 1530 list from standards.md §3.1, typed out independently of the production ranges.
    private const string Rule1530 =
        "001–005, 201–213, 301–320, 330–336, 340–344, 350–359, 370–373, 380–384, " +
        "390–394, 420, 660–681, 701–708, 800–803, 805–808, 810–813, 815, 816, " +
        "820–823, 825, 826, 830, 831, 835–839, 840, 841, 845, 846, 850–852, " +
        "855–857, 860, 861, 865–896, 908, 909, 916, 919, 921, 925, 926, 928, 929, " +
        "931, 933, 935–938, 940, 941";

    private static SortedSet<int> Expected()
    {
        var set = new SortedSet<int>();
        foreach (var part in Rule1530.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('–');
            var first = int.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture);
            var last = int.Parse(ends[^1], System.Globalization.CultureInfo.InvariantCulture);
            for (var code = first; code <= last; code++)
            {
                set.Add(code);
            }
        }

        return set;
    }

    [Fact]
    public void All_is_exactly_the_rule_1530_list_in_order()
    {
        Assert.Equal(Expected(), LocalAuthorityCodes.All);
    }

    [Fact]
    public void IsRecognised_agrees_with_the_list_for_every_three_digit_number()
    {
        var expected = Expected();
        for (var code = -5; code <= 1005; code++)
        {
            Assert.True(expected.Contains(code) == LocalAuthorityCodes.IsRecognised(code), $"LA {code}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(201)]
    [InlineData(213)]
    [InlineData(420)]
    [InlineData(801)]
    [InlineData(823)]
    [InlineData(865)]
    [InlineData(896)]
    [InlineData(941)]
    public void Recognises_boundary_codes(int code)
    {
        Assert.True(LocalAuthorityCodes.IsRecognised(code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(200)]
    [InlineData(214)]
    [InlineData(243)]
    [InlineData(804)]
    [InlineData(814)]
    [InlineData(824)]
    [InlineData(900)]
    [InlineData(942)]
    [InlineData(950)]
    [InlineData(-823)]
    public void Rejects_codes_outside_the_list(int code)
    {
        Assert.False(LocalAuthorityCodes.IsRecognised(code));
    }

    [Theory]
    [InlineData(942)] // Cumberland, from April 2023
    [InlineData(943)] // Westmorland and Furness
    [InlineData(941)]
    [InlineData(823)]
    public void Names_newer_las_as_local_authorities_but_keeps_them_out_of_upns(int code)
    {
        Assert.True(LocalAuthorityCodes.IsLocalAuthorityNumber(code));
        Assert.Equal(code <= 941, LocalAuthorityCodes.IsRecognised(code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(900)]
    [InlineData(939)]
    [InlineData(944)]
    [InlineData(999)]
    public void Other_numbers_are_not_local_authorities(int code)
    {
        Assert.False(LocalAuthorityCodes.IsLocalAuthorityNumber(code));
    }

    [Fact]
    public void All_cannot_be_changed_by_callers()
    {
        Assert.False(LocalAuthorityCodes.All is int[]);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)LocalAuthorityCodes.All)[0] = 900);
    }
}
