using Microsoft.Playwright;

namespace Mend.BrowserTests;

/// <summary>The accessibility check itself: it must fail on a page with a violation, or every page's check proves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task APageWithAnImageWithoutText_AndAnUnlabelledField_Fails_NamingBoth()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.EvaluateAsync("() => { const main = document.querySelector('main'); main.insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\"><input type=\"text\" id=\"nolabel\">'); }");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertNoViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#nolabel", failure.Message, StringComparison.Ordinal);

        // A new document gets axe again.
        await page.GotoAsync("/Account/SignIn");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
