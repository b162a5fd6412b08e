using Microsoft.Playwright;

namespace Mend.BrowserTests;

public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript());

    private static readonly string[] Rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>
    /// Runs axe (WCAG 2.2 A and AA rules, and best practice) on the page and fails with every violation listed. axe is
    /// put into the page once per document, through the DevTools protocol (so the page's Content-Security-Policy stays
    /// on), and asked for violations only: the wrapper's RunAxe injected it on every call and brought back every passed
    /// check too, about 1.5 seconds a call against axe's own 0.1.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<string[]>(
            "async rules => (await axe.run(document, { runOnly: { type: 'tag', values: rules }, resultTypes: ['violations'] })).violations"
            + ".map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => [].concat(n.target).join(' ')).join(', ')}`)",
            Rules);
        Assert.True(violations.Length == 0, $"axe found {violations.Length} violation(s) on {page.Url}:\n" + string.Join("\n", violations));
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
