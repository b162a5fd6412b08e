using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Mend.BrowserTests;

public static class Accessibility
{
    /// <summary>Runs axe (WCAG 2.2 A and AA rules) on the page and fails with every violation listed.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
        });
        var violations = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n" + string.Join("\n", violations));
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
