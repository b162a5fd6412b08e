using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Errors;

/// <summary>The problem pages. The status comes from the route, or from the exception when one was thrown.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public IReadOnlyList<string> Lines { get; private set; } = [];
    public bool ShowCorrelationId { get; private set; }
    public string CorrelationId => HttpContext.TraceIdentifier;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is not null)
        {
            code = MendExceptionHandler.StatusFor(exception);
        }

        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        (Title, Lines) = code == 503 && exception is not null && MendExceptionHandler.MayHaveSaved(exception)
            ? ("Sorry, the service is unavailable", ["Mend lost its database while saving. What you sent may or may not have been saved.", "In a few minutes, reload the page and check before you send it again."])
            : Describe(code);
        ShowCorrelationId = code >= 500 || code == 400;
    }

    private static (string Title, IReadOnlyList<string> Lines) Describe(int code) => code switch
    {
        400 => ("The form could not be sent", (IReadOnlyList<string>)["This can happen when a page was open for a long time, or was opened in another window. Go back, reload the page and try again."]),
        403 => ("You do not have permission to see this page", (IReadOnlyList<string>)["If you think you should, ask your Mend administrator."]),
        404 => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."]),
        409 => (Conflicts.Title, (IReadOnlyList<string>)["Your changes were not saved. Go back, reload the page to see the latest version, and make your changes again."]),
        422 => ("That change is not allowed", (IReadOnlyList<string>)["Nothing was saved. Go back, reload the page to see the record as it is now, and check what can be done next."]),
        413 => ("The file or form is too large", (IReadOnlyList<string>)["Nothing was saved. Go back and try again with a smaller file or less text."]),
        429 => ("Too many attempts", (IReadOnlyList<string>)["You have tried too many times in a short while. Wait a minute, then try again."]),
        503 => ("Sorry, the service is unavailable", (IReadOnlyList<string>)["Mend cannot reach its database just now. Nothing was saved.", "Try again in a few minutes."]),
        _ => ("Sorry, there is a problem with the service", (IReadOnlyList<string>)["Try again later. Anything you were saving may not have been saved."]),
    };
}
