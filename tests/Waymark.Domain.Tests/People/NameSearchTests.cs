using Waymark.Domain.People;

namespace Waymark.Domain.Tests.People;

public class NameSearchTests
{
    [Theory]
    [InlineData("Zoë", "ZOE")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("O’Brien", "OBRIEN")]
    [InlineData("Smith-Jones", "SMITH JONES")]
    [InlineData("  Amelia   Clarke ", "AMELIA CLARKE")]
    [InlineData("Siobhán Ní Dhómhnaill", "SIOBHAN NI DHOMHNAILL")]
    [InlineData("St. John", "ST JOHN")]
    [InlineData("", "")]
    public void Normalises_case_accents_apostrophes_and_separators(string name, string expected)
    {
        Assert.Equal(expected, NameSearch.Normalise(name));
    }

    [Fact]
    public void What_a_user_types_matches_the_stored_form()
    {
        var stored = NameSearch.Normalise("Zoë O'Brien-Walsh");

        Assert.Contains(NameSearch.Normalise("zoe obrien"), stored, StringComparison.Ordinal);
        Assert.Contains(NameSearch.Normalise("o’brien walsh"), stored, StringComparison.Ordinal);
    }
}
