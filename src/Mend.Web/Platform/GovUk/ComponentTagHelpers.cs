using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mend.Web.Platform.GovUk;

/// <summary>
/// The GOV.UK error summary for every model error on the page, each linking to its field.
/// Renders nothing when the page is valid.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The position of each segment of a ModelState key ("Input.Date.Day", "Times[1].Arrive") among declared properties.</summary>
    internal static int[] FieldOrder(Type? type, string key)
    {
        if (key.Length == 0)
        {
            return [-1];
        }

        var order = new List<int>();
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var properties = type?.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance) ?? [];
            var index = Array.FindIndex(properties, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                order.Add(int.MaxValue);
                break;
            }

            order.Add(index);
            type = properties[index].PropertyType;
            if (bracket >= 0)
            {
                order.Add(int.TryParse(segment[(bracket + 1)..].TrimEnd(']'), out var item) ? item : 0);
                type = type.IsArray ? type.GetElementType() : type.GenericTypeArguments.FirstOrDefault();
            }
        }

        return [.. order];
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var model = ViewContext.ViewData.Model?.GetType();
        var errors = ViewContext.ViewData.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select(kv => (Key: kv.Key, Message: kv.Value!.Errors[0].ErrorMessage))
            .Where(e => !string.IsNullOrEmpty(e.Message))
            .OrderBy(e => FieldOrder(model, e.Key), FieldOrderComparer.Instance)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Concat(errors.Select(e => e.Key.Length == 0
            ? $"<li>{HtmlEncoder.Default.Encode(e.Message)}</li>"
            : $"<li><a href=\"#{GovUkField.FieldId(e.Key)}\">{HtmlEncoder.Default.Encode(e.Message)}</a></li>"));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
            + $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}

/// <summary>
/// GOV.UK asks for the error summary in the order of the fields on the page. ModelState does not keep that order, so
/// errors are sorted by where their property is declared on the page model (and its nested input classes), which is
/// the order the forms show them; messages for the whole form ("") come first, unknown keys last.
/// </summary>
internal sealed class FieldOrderComparer : IComparer<int[]>
{
    public static readonly FieldOrderComparer Instance = new();

    public int Compare(int[]? x, int[]? y)
    {
        for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}

/// <summary>&lt;govuk-notification-banner type="success" title="Success"&gt;…&lt;/govuk-notification-banner&gt;</summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    public string Type { get; set; } = "important";
    public string? Title { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var success = Type == "success";
        var content = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-notification-banner" + (success ? " govuk-notification-banner--success" : ""));
        output.Attributes.SetAttribute("role", success ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", "govuk-notification-banner-title");
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        var title = HtmlEncoder.Default.Encode(Title ?? (success ? "Success" : "Important"));
        output.Content.SetHtmlContent(
            $"<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"govuk-notification-banner-title\">{title}</h2></div>"
            + $"<div class=\"govuk-notification-banner__content\">{content}</div>");
    }
}

/// <summary>&lt;govuk-tag colour="red"&gt;Disabled&lt;/govuk-tag&gt;</summary>
[HtmlTargetElement("govuk-tag")]
public sealed class TagTagHelper : TagHelper
{
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "strong";
        output.Attributes.SetAttribute("class", "govuk-tag" + (Colour is null ? "" : $" govuk-tag--{Colour}"));
    }
}

/// <summary>&lt;govuk-summary-list&gt;&lt;govuk-summary-row key="Email"&gt;…&lt;/govuk-summary-row&gt;&lt;/govuk-summary-list&gt;</summary>
[HtmlTargetElement("govuk-summary-list")]
public sealed class SummaryListTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "dl";
        output.Attributes.SetAttribute("class", "govuk-summary-list");
    }
}

[HtmlTargetElement("govuk-summary-row", ParentTag = "govuk-summary-list")]
public sealed class SummaryRowTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    /// <summary>Optional change link, with its visually hidden context taken from the key.</summary>
    public string? ChangeHref { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = (await output.GetChildContentAsync()).GetContent();
        var key = HtmlEncoder.Default.Encode(Key);
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "govuk-summary-list__row" + (string.IsNullOrEmpty(ChangeHref) ? " govuk-summary-list__row--no-actions" : ""));
        var actions = string.IsNullOrEmpty(ChangeHref)
            ? ""
            : $"<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"{HtmlEncoder.Default.Encode(ChangeHref)}\">Change<span class=\"govuk-visually-hidden\"> {key.ToLowerInvariant()}</span></a></dd>";
        output.Content.SetHtmlContent($"<dt class=\"govuk-summary-list__key\">{key}</dt><dd class=\"govuk-summary-list__value\">{value}</dd>{actions}");
    }
}

/// <summary>&lt;govuk-button&gt;Save&lt;/govuk-button&gt;, or variant="secondary" / "warning"; a submit button by default.</summary>
[HtmlTargetElement("govuk-button")]
public sealed class ButtonTagHelper : TagHelper
{
    public string? Variant { get; set; }
    public string Type { get; set; } = "submit";
    public string? Name { get; set; }
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "button";
        output.Attributes.SetAttribute("type", Type);
        output.Attributes.SetAttribute("class", "govuk-button" + (Variant is null ? "" : $" govuk-button--{Variant}"));
        output.Attributes.SetAttribute("data-module", "govuk-button");
        output.Attributes.SetAttribute("data-prevent-double-click", "true");
        if (Name is not null)
        {
            output.Attributes.SetAttribute("name", Name);
            output.Attributes.SetAttribute("value", Value ?? "");
        }
    }
}

public static class GovUkItems
{
    public static IEnumerable<SelectListItem> From(IEnumerable<(string Value, string Text)> items) =>
        items.Select(i => new SelectListItem(i.Text, i.Value));
}
