using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Platform.GovUk;

/// <summary>What a page does after a change: go on (redirect), show its not-found page, or show the form again with its errors.</summary>
public enum PageAnswer
{
    Done,
    NotFound,
    ShowAgain,
}

/// <summary>
/// The page adapter for <see cref="Outcome{T}"/>, beside the API's (<see cref="Api.ApiChange"/>): field errors go to
/// ModelState under the page's own input names (so the GOV.UK error summary links reach them and each field shows its
/// message); a refusal, a stale version or a forbidden change go to the summary as a whole.
/// </summary>
public static class PageOutcome
{
    /// <param name="fieldName">Maps an outcome's field ("minutes") to the page's input name ("Minutes", "Input.Minutes").</param>
    public static PageAnswer Apply<T>(Outcome<T> outcome, ModelStateDictionary modelState, Func<string, string> fieldName)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return PageAnswer.Done;
            case OutcomeKind.NotFound:
                return PageAnswer.NotFound;
            case OutcomeKind.Forbidden or OutcomeKind.Refused or OutcomeKind.Stale or OutcomeKind.Exists:
                modelState.AddModelError("", outcome.Message ?? "That change could not be made");
                return PageAnswer.ShowAgain;
            default:
                foreach (var (field, message) in outcome.Errors)
                {
                    modelState.AddModelError(field.Length == 0 ? "" : fieldName(field), message);
                }

                return PageAnswer.ShowAgain;
        }
    }

    /// <summary>
    /// The same for a page that binds one nested input: the outcome's field "heldOn" is the input "Input.HeldOn",
    /// "times[0].arriveAt" is "Input.Times[0].ArriveAt".
    /// </summary>
    public static PageAnswer Apply<T>(Outcome<T> outcome, ModelStateDictionary modelState, string prefix = "Input") =>
        Apply(outcome, modelState, field => prefix + "." + InputName(field));

    /// <summary>An API field path ("times[0].arriveAt") as the page's property path ("Times[0].ArriveAt").</summary>
    public static string InputName(string field) =>
        string.Join(".", field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>
    /// The answer of a page that changes the record it shows: done, the same page again with a success banner; not
    /// found; or the form again with its errors, the record reloaded (<paramref name="reload"/>, false when it is gone)
    /// and its version taken afresh.
    /// </summary>
    public static async Task<IActionResult> AnswerOnSamePageAsync(this PageModel page, PageAnswer answer, string success, object routeValues,
        Func<Task<bool>> reload)
    {
        switch (answer)
        {
            case PageAnswer.NotFound:
                return new NotFoundResult();
            case PageAnswer.Done:
                page.TempData["Success"] = success;
                return page.RedirectToPage(routeValues);
            default:
                page.ModelState.Remove("Version");
                return await reload() ? page.Page() : new NotFoundResult();
        }
    }
}
