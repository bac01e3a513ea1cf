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
        var results = await RunAxeOnLoadedPageAsync(page);

        var problems = results.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target}"))
            .ToList();
        Assert.True(problems.Count == 0, $"axe found WCAG 2.2 AA problems on {page.Url}:\n{string.Join("\n", problems)}");
        Assert.NotEmpty(results.Passes);
    }

    // A click that navigates can return before the next document exists, and axe then reads a page that is
    // being torn down. Wait until the document in the page says it is complete (polled in the page, so it
    // follows a navigation: Playwright's own load-state wait once missed the new document's load event on CI
    // and waited out its timeout); if a navigation still lands mid-run, run again on the page it landed on
    // (a few times at most, so a page that keeps navigating still fails).
    private static async Task<AxeResult> RunAxeOnLoadedPageAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForFunctionAsync("() => document.readyState === 'complete' && document.documentElement !== null && document.body !== null");
                return await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
            }
            catch (PlaywrightException e) when (attempt < 3 && IsNavigationRace(e))
            {
            }
        }
    }

    private static bool IsNavigationRace(PlaywrightException e) =>
        e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
        || e.Message.Contains("reading 'documentElement'", StringComparison.Ordinal)
        || e.Message.Contains("Cannot find context", StringComparison.Ordinal);
}
