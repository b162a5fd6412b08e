using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mend.Web.Platform.GovUk;

/// <summary>
/// GOV.UK radios or checkboxes in a fieldset with a legend:
/// &lt;govuk-radios asp-for="Input.Role" label="Role" items="Model.RoleItems" /&gt;
/// </summary>
public abstract class ChoicesTagHelper(string kind, string inputType) : GovUkField
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Hints per item value, shown under the item's label.</summary>
    public IDictionary<string, string>? ItemHints { get; set; }

    public bool Small { get; set; }

    public bool Inline { get; set; }

    protected abstract ISet<string> SelectedValues();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var selected = SelectedValues();
        var items = Items.Select((item, index) =>
        {
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            var hint = ItemHints is not null && ItemHints.TryGetValue(item.Value, out var h) ? h : null;
            var hintHtml = hint is null ? "" : $"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-{kind}__hint\">{Encode(hint)}</div>";
            return $"<div class=\"govuk-{kind}__item\"><input class=\"govuk-{kind}__input\" id=\"{itemId}\" name=\"{Name}\" type=\"{inputType}\" value=\"{Encode(item.Value)}\""
                + (selected.Contains(item.Value) ? " checked" : "") + (item.Disabled ? " disabled" : "")
                + (hint is null ? "" : $" aria-describedby=\"{itemId}-item-hint\"")
                + $"><label class=\"govuk-label govuk-{kind}__label\" for=\"{itemId}\">{Encode(item.Text)}</label>{hintHtml}</div>";
        });
        var legendClass = LabelIsPageHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--s";
        var legend = LabelIsPageHeading
            ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>"
            : $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>";
        var classes = $"govuk-{kind}" + (Small ? $" govuk-{kind}--small" : "") + (Inline ? $" govuk-{kind}--inline" : "");
        var html = $"<fieldset class=\"govuk-fieldset\"" + Attr("aria-describedby", DescribedBy()) + ">" + legend + HintHtml() + ErrorHtml()
            + $"<div class=\"{classes}\" data-module=\"govuk-{kind}\">{string.Concat(items)}</div></fieldset>";
        WrapInFormGroup(output, html);
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper() : ChoicesTagHelper("radios", "radio")
{
    protected override ISet<string> SelectedValues() => CurrentValue is { } v ? new HashSet<string> { v } : new HashSet<string>();
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper() : ChoicesTagHelper("checkboxes", "checkbox")
{
    protected override ISet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] many => many.ToHashSet(),
                string one => new HashSet<string> { one },
                _ => new HashSet<string>(),
            };
        }

        return For.Model switch
        {
            bool single => single ? new HashSet<string> { "true" } : new HashSet<string>(),
            string one => new HashSet<string> { one },
            System.Collections.IEnumerable values => values.Cast<object>().Select(v => v.ToString()!).ToHashSet(),
            _ => new HashSet<string>(),
        };
    }
}
