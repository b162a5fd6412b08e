using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Staff.Register;

/// <summary>
/// A page that records one thing on a person's register (training, a DBS check, a supervision): the person's name as the
/// caption, the form, and back to their register when it is saved.
/// </summary>
[Authorize(Policy = Policies.ManageVenues)]
public abstract class StaffTaskPage(StaffRegister register) : PageModel
{
    public StaffRegister.Summary Person { get; private set; } = default!;

    public abstract string Title { get; }

    protected StaffRegister Register => register;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    protected virtual Task LoadMoreAsync(Guid id, CancellationToken ct) => Task.CompletedTask;

    protected async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await register.ForAsync(id, ct) is not { } person)
        {
            return false;
        }

        Person = person;
        ViewData["Task"] = Title;
        ViewData["Caption"] = person.Name;
        ViewData["Back"] = $"/Staff/{id}";
        await LoadMoreAsync(id, ct);
        return true;
    }

    /// <summary>Saves through <paramref name="save"/> and goes back to the register with <paramref name="success"/>, or shows the form again with its errors.</summary>
    protected async Task<IActionResult> AnswerAsync<T>(Guid id, Func<Task<Platform.Changes.Outcome<T>>> save, string prefix, Func<T, string> success, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await save();
            var answer = PageOutcome.Apply(outcome, ModelState, field => field.Length == 0 ? "" : prefix + "." + PageOutcome.InputName(field));
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = success(outcome.Value!);
                return Redirect($"/Staff/{id}");
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
