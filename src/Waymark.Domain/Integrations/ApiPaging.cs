namespace Waymark.Domain.Integrations;

/// <summary>Pages of a list the API returns: the page asked for must exist and its size is bounded.</summary>
public static class ApiPaging
{
    public const int DefaultPageSize = 50;

    /// <summary>At most this many a page: every child in a page is a read of their record, written to the audit one by one.</summary>
    public const int MaximumPageSize = 100;

    /// <summary>Pages for <paramref name="total"/> items; an empty list still has its one (empty) page.</summary>
    public static int Pages(int total, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        return Math.Max(1, (int)((total + (long)pageSize - 1) / pageSize));
    }

    /// <summary>What is wrong with a page size given as text (null when none was given), or null when it will do.</summary>
    public static string? PageSizeProblem(string? value, out int pageSize)
    {
        pageSize = DefaultPageSize;
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageSize)
            && pageSize is >= 1 and <= MaximumPageSize
            ? null
            : $"pageSize must be a whole number from 1 to {MaximumPageSize}";
    }

    /// <summary>What is wrong with a page number given as text (null when none was given: the first page), or null when it will do.</summary>
    public static string? PageProblem(string? value, out int page)
    {
        page = 1;
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) && page >= 1
            ? null
            : "page must be a whole number from 1";
    }

    /// <summary>What is wrong with asking for <paramref name="page"/> of a list of <paramref name="total"/>, or null when it exists.</summary>
    public static string? BeyondTheEnd(int page, int total, int pageSize)
    {
        var pages = Pages(total, pageSize);
        return page <= pages
            ? null
            : $"page {page} is beyond the last page: there {(total == 1 ? "is 1 item" : $"are {total} items")} in {(pages == 1 ? "1 page" : $"{pages} pages")} of {pageSize}";
    }
}
