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

    /// <summary>
    /// The GOV.UK error summary pattern, in the browser: each link in the summary, clicked, moves focus to its field,
    /// and that field shows the same message inline.
    /// </summary>
    public static async Task AssertErrorSummaryReachesFieldsAsync(IPage page)
    {
        var links = page.Locator(".govuk-error-summary__list a");
        var count = await links.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            var target = (await link.GetAttributeAsync("href"))!.TrimStart('#');
            var message = (await link.InnerTextAsync()).Trim();
            await link.ClickAsync();
            var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");
            Assert.True(focused == target, $"The error summary link \"{message}\" should move focus to #{target} but focus is on #{focused}");
            var inline = await page.EvaluateAsync<string>(
                "id => { let e = document.getElementById(id); let text = ''; while (e && !text) { e = e.parentElement; if (e && e.classList.contains('govuk-form-group')) { const m = e.querySelector('.govuk-error-message'); if (m) text = m.textContent; } } return text; }",
                target);
            Assert.True(inline.Contains(message, StringComparison.Ordinal), $"#{target} does not show its error \"{message}\" inline");
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
