using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mend.Web.Platform.GovUk;

/// <summary>&lt;govuk-input asp-for="Input.Email" label="Email address" type="email" autocomplete="email" /&gt;</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : GovUkField
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? InputMode { get; set; }

    /// <summary>A GOV.UK width class such as govuk-input--width-10 or govuk-!-width-one-half.</summary>
    public string? Width { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-input" + (Width is null ? "" : " " + Width) + (Error is null ? "" : " govuk-input--error");
        var value = Type == "password" ? null : CurrentValue;
        var describedBy = DescribedBy();
        var input = $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" type=\"{Encode(Type)}\""
            + Attr("value", value) + Attr("autocomplete", Autocomplete) + Attr("inputmode", InputMode)
            + Attr("aria-describedby", describedBy) + (Spellcheck ? "" : " spellcheck=\"false\"") + ">";
        WrapInFormGroup(output, LabelHtml(Id) + HintHtml() + ErrorHtml() + input);
    }
}

/// <summary>&lt;govuk-textarea asp-for="Input.Reason" label="Reason" rows="5" /&gt;</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : GovUkField
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-textarea" + (Error is null ? "" : " govuk-textarea--error");
        var textarea = $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"" + Attr("aria-describedby", DescribedBy())
            + $">{Encode(CurrentValue)}</textarea>";
        WrapInFormGroup(output, LabelHtml(Id) + HintHtml() + ErrorHtml() + textarea);
    }
}

/// <summary>&lt;govuk-select asp-for="Filter.Action" label="Action" items="Model.Actions" /&gt;</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : GovUkField
{
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = CurrentValue;
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{Encode(i.Value)}\"{(i.Value == current ? " selected" : "")}>{Encode(i.Text)}</option>"));
        var classes = "govuk-select" + (Error is null ? "" : " govuk-select--error");
        var select = $"<select class=\"{classes}\" id=\"{Id}\" name=\"{Name}\"" + Attr("aria-describedby", DescribedBy()) + $">{options}</select>";
        WrapInFormGroup(output, LabelHtml(Id) + HintHtml() + ErrorHtml() + select);
    }
}
