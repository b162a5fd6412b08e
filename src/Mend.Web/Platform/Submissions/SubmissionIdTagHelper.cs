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
    /// <summary>The form's handler, to tell which of a page's forms was the one sent.</summary>
    [HtmlAttributeName("asp-page-handler")]
    public string? PageHandler { get; set; }

    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    [HtmlAttributeNotBound]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // Only the form that was sent keeps its id when the page is shown again with its errors; the others get new ones.
        var request = ViewContext.HttpContext.Request;
        var sentHandler = request.Query["handler"].ToString() is { Length: > 0 } h ? h : ViewContext.RouteData.Values["handler"]?.ToString() ?? "";
        var thisForm = string.Equals(sentHandler, PageHandler ?? "", StringComparison.OrdinalIgnoreCase);
        var sent = thisForm && HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Form.TryGetValue(RepeatGuard.FormField, out var value)
            && Guid.TryParse(value.ToString(), out var id) ? id : Guid.NewGuid();
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{RepeatGuard.FormField}\" value=\"{sent:N}\">");
    }
}
