using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mend.Web.Platform.GovUk;

/// <summary>Field errors from parsing typed input (<see cref="DateParts.Parse"/> and the like), put on their field when there is one.</summary>
public static class ModelStateErrors
{
    /// <summary>Adds <paramref name="error"/> to the field <paramref name="key"/> ("Input.HeldOn"); nothing when it is null.</summary>
    public static void AddErrorIfAny(this ModelStateDictionary modelState, string key, string? error)
    {
        if (error is not null)
        {
            modelState.AddModelError(key, error);
        }
    }
}
