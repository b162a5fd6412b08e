using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mend.Web.Platform.GovUk;

/// <summary>A date typed as day, month and year (the GOV.UK date input pattern).</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or the GOV.UK-style message saying what is wrong with it.</summary>
    public (DateOnly? Date, string? Error) Parse(string label)
    {
        if (IsEmpty)
        {
            return (null, null);
        }

        if (string.IsNullOrWhiteSpace(Day) || string.IsNullOrWhiteSpace(Month) || string.IsNullOrWhiteSpace(Year))
        {
            var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1);
            return (null, $"{label} must include a {string.Join(" and ", missing)}");
        }

        if (int.TryParse(Day.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && MonthOf(Month) is { } month
            && int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2200 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return (new DateOnly(year, month, day), null);
        }

        return (null, $"{label} must be a real date");
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// The month as a number (1 to 12), or typed as a name or its abbreviation ("April", "apr", "Sept"), as the GOV.UK
    /// Design System advises date inputs to accept; null when it is neither.
    /// </summary>
    public static int? MonthOf(string? typed)
    {
        var text = typed?.Trim().TrimEnd('.').ToLowerInvariant() ?? "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        if (text.Length < 3)
        {
            return null;
        }

        var index = Array.FindIndex(MonthNames, name => name.StartsWith(text, StringComparison.Ordinal) || (text == "sept" && name == "september"));
        return index < 0 ? null : index + 1;
    }
}

/// <summary>&lt;govuk-date-input asp-for="Filter.From" label="From" hint="For example, 27 3 2026" /&gt; bound to a <see cref="DateParts"/>.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : GovUkField
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        string Part(string part, string label, string? value, string width, int index)
        {
            var name = $"{Name}.{part}";
            var id = index == 0 ? Id : $"{Id}-{part.ToLowerInvariant()}";
            var attempted = ViewContext.ViewData.ModelState.TryGetValue(name, out var e) ? e.AttemptedValue : value;
            var classes = $"govuk-input govuk-date-input__input {width}" + (Error is null ? "" : " govuk-input--error");
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>"
                + $"<input class=\"{classes}\" id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\"{Attr("value", attempted)}></div></div>";
        }

        var legendClass = LabelIsPageHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--s";
        var html = $"<fieldset class=\"govuk-fieldset\" role=\"group\"{Attr("aria-describedby", DescribedBy())}>"
            + $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>" + HintHtml() + ErrorHtml()
            + $"<div class=\"govuk-date-input\" id=\"{Id}-group\">"
            + Part("Day", "Day", parts.Day, "govuk-input--width-2", 0)
            + Part("Month", "Month", parts.Month, "govuk-input--width-2", 1)
            + Part("Year", "Year", parts.Year, "govuk-input--width-4", 2)
            + "</div></fieldset>";
        WrapInFormGroup(output, html);
    }
}
