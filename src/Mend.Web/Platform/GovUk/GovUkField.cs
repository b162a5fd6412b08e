using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mend.Web.Platform.GovUk;

/// <summary>
/// The shared parts of GOV.UK form fields: the form group, label or legend, hint and error message,
/// with the ids that the error summary links to.
/// </summary>
public abstract class GovUkField : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Shows the label as the page heading (for one-question pages).</summary>
    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The posted name with any partial's prefix ("Input.FamilyName"), the same key as the field's ModelState errors.</summary>
    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => FieldId(Name);

    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    protected string? CurrentValue
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }

            return For.Model switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        }
    }

    protected string DescribedBy(params string?[] extra)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add(Id + "-hint");
        }

        if (Error is not null)
        {
            ids.Add(Id + "-error");
        }

        ids.AddRange(extra.Where(e => e is not null)!);
        return string.Join(' ', ids);
    }

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected string LabelHtml(string forId)
    {
        var classes = "govuk-label" + (LabelClass is null ? "" : " " + LabelClass);
        var label = $"<label class=\"{classes}\" for=\"{forId}\">{Encode(Label)}</label>";
        return LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintHtml() => Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected string ErrorHtml() => Error is null
        ? ""
        : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Error)}</p>";

    protected void WrapInFormGroup(TagHelperOutput output, string innerHtml)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-form-group" + (Error is null ? "" : " govuk-form-group--error"));
        output.Content.SetHtmlContent(innerHtml);
    }

    protected static string Attr(string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $" {name}=\"{Encode(value)}\"";
}
