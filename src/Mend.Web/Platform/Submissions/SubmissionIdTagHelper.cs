using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Mend.Web.Platform.Submissions;

/// <summary>
/// Gives every post form a fresh <c>__SubmissionId</c>, so that sending it twice (a double click, a resend after a
/// slow answer, the back button) does the work once: see <see cref="RepeatGuard"/>. A form re-shown with field
/// errors keeps its id, so the corrected form is still the same submission.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class SubmissionIdTagHelper : TagHelper
{
    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    [HtmlAttributeNotBound]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var request = ViewContext.HttpContext.Request;
        var sent = request.HasFormContentType && request.Form.TryGetValue(RepeatGuard.FormField, out var value)
            && Guid.TryParse(value.ToString(), out var id) ? id : Guid.NewGuid();
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{RepeatGuard.FormField}\" value=\"{sent:N}\">");
    }
}
