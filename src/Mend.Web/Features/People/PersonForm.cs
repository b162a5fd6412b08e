using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.People;

/// <summary>The person form as the page posts it: the date of birth in three boxes, other names one a line.</summary>
public sealed class PersonForm
{
    public PersonKind Kind { get; set; } = PersonKind.Individual;
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? OrganisationName { get; set; }
    public string? ContactName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? StatedAge { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? PreferredLanguage { get; set; }
    public bool NeedsInterpreter { get; set; }
    public string? CommunicationNeeds { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? SafeContactNotes { get; set; }
    public string? Aliases { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    public static IEnumerable<SelectListItem> KindItems =>
        [new("A person", nameof(PersonKind.Individual)), new("An organisation or business", nameof(PersonKind.Organisation))];

    public static IEnumerable<SelectListItem> InterpreterItems => [new("Needs an interpreter", "true")];

    public static IEnumerable<SelectListItem> GenderItems =>
        [new("Not recorded", ""), .. Vocabularies.Genders.Select(g => new SelectListItem(g.Value, g.Key))];

    public static IEnumerable<SelectListItem> EthnicityItems =>
        [new("Not recorded", ""), .. Vocabularies.Ethnicities.Select(g => new SelectListItem(g.Value, g.Key))];

    public static PersonForm From(PersonInput input) => new()
    {
        Kind = input.Kind,
        GivenName = input.GivenName,
        FamilyName = input.FamilyName,
        OrganisationName = input.OrganisationName,
        ContactName = input.ContactName,
        DateOfBirth = DateParts.From(input.DateOfBirth),
        StatedAge = input.StatedAge?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Gender = input.Gender,
        Ethnicity = input.Ethnicity,
        PreferredLanguage = input.PreferredLanguage,
        NeedsInterpreter = input.NeedsInterpreter,
        CommunicationNeeds = input.CommunicationNeeds,
        Phone = input.Phone,
        Email = input.Email,
        SafeContactNotes = input.SafeContactNotes,
        Aliases = string.Join('\n', input.Aliases),
        AddressLine1 = input.AddressLine1,
        AddressLine2 = input.AddressLine2,
        Town = input.Town,
        Postcode = input.Postcode,
    };

    /// <summary>Checks the form and returns the details, adding each problem to the page's model state under <paramref name="prefix"/>.</summary>
    public PersonDetails? Validate(DateOnly today, ModelStateDictionary modelState, string prefix)
    {
        var (born, dateError) = DateOfBirth.Parse("Date of birth");
        if (dateError is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(DateOfBirth)}", dateError);
        }

        int? age = null;
        if (!string.IsNullOrWhiteSpace(StatedAge))
        {
            if (int.TryParse(StatedAge.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                age = parsed;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(StatedAge)}", "Age must be a whole number, like 15");
            }
        }

        var input = new PersonInput
        {
            Kind = Kind,
            GivenName = GivenName,
            FamilyName = FamilyName,
            OrganisationName = OrganisationName,
            ContactName = ContactName,
            DateOfBirth = born,
            StatedAge = age,
            Gender = string.IsNullOrEmpty(Gender) ? null : Gender,
            Ethnicity = string.IsNullOrEmpty(Ethnicity) ? null : Ethnicity,
            PreferredLanguage = PreferredLanguage,
            NeedsInterpreter = NeedsInterpreter,
            CommunicationNeeds = CommunicationNeeds,
            Phone = Phone,
            Email = Email,
            SafeContactNotes = SafeContactNotes,
            Aliases = (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            AddressLine1 = AddressLine1,
            AddressLine2 = AddressLine2,
            Town = Town,
            Postcode = Postcode,
        };
        var errors = input.Validate(today, out var details);
        foreach (var (field, message) in errors)
        {
            var key = $"{prefix}.{field}";
            if (!modelState.ContainsKey(key) || modelState[key]!.Errors.Count == 0)
            {
                modelState.AddModelError(key, message);
            }
        }

        return modelState.IsValid ? details : null;
    }
}
