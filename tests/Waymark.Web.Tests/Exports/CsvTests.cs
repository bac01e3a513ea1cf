using Waymark.Web.Exports;

namespace Waymark.Web.Tests.Exports;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\")", "'=HYPERLINK(\"http://x.example\")")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    public void A_cell_that_could_start_a_formula_gets_a_leading_apostrophe(string value, string expected)
    {
        Assert.Equal(expected, Csv.Neutralise(value));
    }

    [Theory]
    [InlineData("Amelia", "Amelia")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =1", " =1")]
    [InlineData("'already", "'already")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Other_cells_are_left_as_they_are(string? value, string expected)
    {
        Assert.Equal(expected, Csv.Neutralise(value));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Clarke, Amelia", "\"Clarke, Amelia\"")]
    [InlineData("She said \"hello\"", "\"She said \"\"hello\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("\r\n=cmd", "\"'\r\n=cmd\"")]
    public void Cells_are_quoted_as_RFC_4180_says_after_neutralising(string value, string expected)
    {
        Assert.Equal(expected, Csv.Cell(value));
    }

    [Fact]
    public void A_row_joins_its_cells_with_commas()
    {
        Assert.Equal("a,\"b,c\",'=d,", Csv.Row("a", "b,c", "=d", null));
    }
}
