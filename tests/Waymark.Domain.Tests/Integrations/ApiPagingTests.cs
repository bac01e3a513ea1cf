using Waymark.Domain.Integrations;

namespace Waymark.Domain.Tests.Integrations;

public class ApiPagingTests
{
    [Theory]
    [InlineData(0, 50, 1)]
    [InlineData(1, 50, 1)]
    [InlineData(50, 50, 1)]
    [InlineData(51, 50, 2)]
    [InlineData(100, 1, 100)]
    public void Pages_count_an_empty_list_as_one_page(int total, int pageSize, int pages)
    {
        Assert.Equal(pages, ApiPaging.Pages(total, pageSize));
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData("1", 1)]
    [InlineData("100", 100)]
    public void A_page_size_from_1_to_100_will_do_and_none_means_50(string? value, int expected)
    {
        Assert.Null(ApiPaging.PageSizeProblem(value, out var size));
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("ten")]
    [InlineData("")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public void Any_other_page_size_is_refused(string value)
    {
        Assert.Equal("pageSize must be a whole number from 1 to 100", ApiPaging.PageSizeProblem(value, out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("first")]
    [InlineData("")]
    public void A_page_is_a_whole_number_from_1(string value)
    {
        Assert.NotNull(ApiPaging.PageProblem(value, out _));
    }

    [Fact]
    public void No_page_means_the_first()
    {
        Assert.Null(ApiPaging.PageProblem(null, out var page));
        Assert.Equal(1, page);
    }

    [Fact]
    public void A_page_beyond_the_last_is_named_with_how_many_there_are()
    {
        Assert.Null(ApiPaging.BeyondTheEnd(1, 0, 50));
        Assert.Null(ApiPaging.BeyondTheEnd(3, 101, 50));
        Assert.Equal("page 4 is beyond the last page: there are 101 items in 3 pages of 50", ApiPaging.BeyondTheEnd(4, 101, 50));
        Assert.Equal("page 2 is beyond the last page: there are 0 items in 1 page of 50", ApiPaging.BeyondTheEnd(2, 0, 50));
    }
}
