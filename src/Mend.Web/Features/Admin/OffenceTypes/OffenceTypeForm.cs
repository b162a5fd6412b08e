using Mend.Web.Platform;
using Mend.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Admin.OffenceTypes;

/// <summary>The fields of an offence kind, as the add and change forms post them.</summary>
public sealed class OffenceTypeForm
{
    public string? Name { get; set; }
    public string? Category { get; set; }
    public string? GravityScore { get; set; }
    public bool IsSensitive { get; set; }
    public bool IsActive { get; set; }

    public static IEnumerable<SelectListItem> GravityItems =>
        [new("Choose a score", ""), .. Enumerable.Range(1, 8).Select(i => new SelectListItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public static IEnumerable<SelectListItem> SensitiveItems => [new("Sensitive or complex (serious violence, sexual, domestic abuse, hate crime)", "true")];

    public static IEnumerable<SelectListItem> ActiveItems => [new("Can be chosen for new offences", "true")];

    /// <summary>The checked values, or null with each problem added to the model state under <paramref name="prefix"/>.</summary>
    public (string Name, string Category, int Gravity)? Validate(ModelStateDictionary modelState, string prefix)
    {
        var name = TextInput.Clean(Name);
        var category = TextInput.Clean(Category);
        if (name is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Name)}", "Enter the offence");
        }
        else if (name.Length > 200)
        {
            modelState.AddModelError($"{prefix}.{nameof(Name)}", "Offence must be 200 characters or fewer");
        }

        if (category is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Category)}", "Enter the category, for example Violence against the person");
        }
        else if (category.Length > 100)
        {
            modelState.AddModelError($"{prefix}.{nameof(Category)}", "Category must be 100 characters or fewer");
        }

        if (!int.TryParse(GravityScore, out var gravity) || gravity is < 1 or > 8)
        {
            modelState.AddModelError($"{prefix}.{nameof(GravityScore)}", "Select a gravity score from 1 to 8");
        }

        return modelState.IsValid ? (name!, category!, gravity) : null;
    }
}
