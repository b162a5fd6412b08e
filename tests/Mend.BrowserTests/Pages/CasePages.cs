using Microsoft.Playwright;

namespace Mend.BrowserTests.Pages;

/// <summary>The people and case pages as a practitioner uses them.</summary>
public static class CasePages
{
    public static async Task AddPersonAsync(IPage page, string given, string family, DateOnly born)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync(given);
        await page.GetByLabel("Last name").FillAsync(family);
        await FillDateAsync(page, "Date of birth (optional)", born);
        await page.GetByLabel("Postcode (optional)").FillAsync("EX1 1AA");
        await page.GetByLabel("Address line 1 (optional)").FillAsync("3 Station Road");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var different = page.GetByRole(AriaRole.Button, new() { Name = "This is a different person: save" });
        if (await different.CountAsync() > 0)
        {
            await different.ClickAsync();
        }
    }

    public static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
