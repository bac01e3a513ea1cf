using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waymark.Browser.Tests;

public static class Accessibility
{
    // WCAG 2.0, 2.1 and 2.2 at levels A and AA.
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>Runs axe-core on the page as it stands and fails with every violation spelled out.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // A click that navigates returns before the new page has loaded; axe needs a document to read.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });

        var problems = results.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target}"))
            .ToList();
        Assert.True(problems.Count == 0, $"axe found WCAG 2.2 AA problems on {page.Url}:\n{string.Join("\n", problems)}");
        Assert.NotEmpty(results.Passes);
    }
}
