using System.Net.Mail;
using System.Text.RegularExpressions;
using Mend.Web.Platform;
using Mend.Web.Platform.Text;

namespace Mend.Web.Features.People;

/// <summary>What a person record says about someone, checked by <see cref="PersonInput.Validate"/>.</summary>
public sealed record PersonDetails(
    PersonKind Kind,
    string? GivenName,
    string? FamilyName,
    string? OrganisationName,
    string? ContactName,
    DateOnly? DateOfBirth,
    int? StatedAge,
    string? Gender,
    string? Ethnicity,
    string? PreferredLanguage,
    bool NeedsInterpreter,
    string? CommunicationNeeds,
    string? Phone,
    string? Email,
    string? SafeContactNotes,
    IReadOnlyList<string> Aliases,
    AddressDetails? Address);

public sealed record AddressDetails(string? Line1, string? Line2, string? Town, string? Postcode)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(Line2)
        && string.IsNullOrWhiteSpace(Town) && string.IsNullOrWhiteSpace(Postcode);

    /// <summary>The postcode without any kind of space (a non-breaking space pasted from a document included), in capitals.</summary>
    public static string? PostcodeKeyOf(string? postcode) =>
        string.IsNullOrWhiteSpace(postcode) ? null : string.Concat(postcode.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}

/// <summary>
/// A person's details as typed into the page or sent to the API. <see cref="Validate"/> gives either
/// the checked details or a message for each field that is wrong, keyed by the field's name.
/// </summary>
public sealed partial class PersonInput
{
    public PersonKind Kind { get; set; } = PersonKind.Individual;
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? OrganisationName { get; set; }
    public string? ContactName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public int? StatedAge { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? PreferredLanguage { get; set; }
    public bool NeedsInterpreter { get; set; }
    public string? CommunicationNeeds { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? SafeContactNotes { get; set; }

    /// <summary>Other names, one a line on the page.</summary>
    public List<string> Aliases { get; set; } = [];
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    public static PersonInput From(Person person) => new()
    {
        Kind = person.Kind,
        GivenName = person.GivenName,
        FamilyName = person.FamilyName,
        OrganisationName = person.OrganisationName,
        ContactName = person.ContactName,
        DateOfBirth = person.DateOfBirth,
        StatedAge = person.StatedAge,
        Gender = person.Gender,
        Ethnicity = person.Ethnicity,
        PreferredLanguage = person.PreferredLanguage,
        NeedsInterpreter = person.NeedsInterpreter,
        CommunicationNeeds = person.CommunicationNeeds,
        Phone = person.Phone,
        Email = person.Email,
        SafeContactNotes = person.SafeContactNotes,
        Aliases = person.Aliases.Select(a => a.Name).ToList(),
        AddressLine1 = person.CurrentAddress?.Line1,
        AddressLine2 = person.CurrentAddress?.Line2,
        Town = person.CurrentAddress?.Town,
        Postcode = person.CurrentAddress?.Postcode,
    };

    public Dictionary<string, string> Validate(DateOnly today, out PersonDetails? details)
    {
        var errors = new Dictionary<string, string>();
        details = null;
        if (!Enum.IsDefined(Kind))
        {
            errors[nameof(Kind)] = "Select whether this is a person or an organisation";
        }

        var given = TextInput.Clean(GivenName);
        var family = TextInput.Clean(FamilyName);
        var organisation = TextInput.Clean(OrganisationName);
        if (Kind == PersonKind.Individual)
        {
            // Many people have one name only: either field may hold it, but not neither.
            if (given is null && family is null)
            {
                errors[nameof(GivenName)] = "Enter the person's name: a first name, a last name, or both";
            }

            MaxLength(errors, nameof(GivenName), given, TextLimits.Name, "First name");
            MaxLength(errors, nameof(FamilyName), family, TextLimits.Name, "Last name");
        }
        else
        {
            Require(errors, nameof(OrganisationName), organisation, "Enter the organisation's name", 200, "Organisation name");
        }

        MaxLength(errors, nameof(ContactName), ContactName, 200, "Contact name");
        if (DateOfBirth is { } born)
        {
            if (born > today)
            {
                errors[nameof(DateOfBirth)] = "Date of birth must be today or in the past";
            }
            else if (born < today.AddYears(-120))
            {
                errors[nameof(DateOfBirth)] = "Date of birth must be within the last 120 years";
            }
        }
        else if (StatedAge is { } age && (age < 0 || age > 120))
        {
            errors[nameof(StatedAge)] = "Age must be between 0 and 120";
        }

        if (Gender is not null && !Vocabularies.Genders.ContainsKey(Gender))
        {
            errors[nameof(Gender)] = "Select a gender from the list";
        }

        if (Ethnicity is not null && !Vocabularies.Ethnicities.ContainsKey(Ethnicity))
        {
            errors[nameof(Ethnicity)] = "Select an ethnic group from the list";
        }

        MaxLength(errors, nameof(PreferredLanguage), PreferredLanguage, 100, "Preferred language");
        MaxLength(errors, nameof(CommunicationNeeds), CommunicationNeeds, 2000, "Communication needs");
        MaxLength(errors, nameof(SafeContactNotes), SafeContactNotes, 2000, "Safe contact notes");
        var phone = TextInput.Clean(Phone);
        if (phone is not null && (phone.Length > 30 || !PhonePattern().IsMatch(phone)))
        {
            errors[nameof(Phone)] = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";
        }

        var email = TextInput.Clean(Email);
        if (email is not null && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)))
        {
            errors[nameof(Email)] = "Enter an email address in the correct format, like name@example.org";
        }

        var aliases = Aliases.Select(TextInput.Clean).OfType<string>().ToList();
        if (aliases.Count > 20)
        {
            errors[nameof(Aliases)] = "Enter 20 other names or fewer";
        }
        else if (aliases.Any(a => a.Length > 200))
        {
            errors[nameof(Aliases)] = "Each other name must be 200 characters or fewer";
        }
        else if (Person.WordsOf((Kind == PersonKind.Organisation ? [organisation, TextInput.Clean(ContactName)] : new[] { given, family }).Concat(aliases)).Count > Person.MaxNameWords)
        {
            errors[nameof(Aliases)] = $"The name and other names must have {Person.MaxNameWords} different words or fewer between them";
        }

        var address = new AddressDetails(TextInput.Clean(AddressLine1), TextInput.Clean(AddressLine2), TextInput.Clean(Town), NormalisePostcode(Postcode));
        if (!address.IsEmpty && address.Line1 is null)
        {
            errors[nameof(AddressLine1)] = "Enter the first line of the address";
        }

        MaxLength(errors, nameof(AddressLine1), address.Line1, 200, "Address line 1");
        MaxLength(errors, nameof(AddressLine2), address.Line2, 200, "Address line 2");
        MaxLength(errors, nameof(Town), address.Town, 100, "Town or city");
        if (address.Postcode is not null && !PostcodePattern().IsMatch(address.Postcode))
        {
            errors[nameof(Postcode)] = "Enter a real postcode, like SW1A 1AA, JE2 4QB or BFPO 801";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var individual = Kind == PersonKind.Individual;
        details = new PersonDetails(Kind, individual ? given : null, individual ? family : null,
            individual ? null : organisation, individual ? null : TextInput.Clean(ContactName),
            individual ? DateOfBirth : null, individual && DateOfBirth is null ? StatedAge : null,
            TextInput.Clean(Gender), TextInput.Clean(Ethnicity), TextInput.Clean(PreferredLanguage), NeedsInterpreter, TextInput.Clean(CommunicationNeeds),
            phone, email, TextInput.Clean(SafeContactNotes), aliases, address.IsEmpty ? null : address);
        return errors;
    }

    /// <summary>
    /// "sw1a1aa" becomes "SW1A 1AA", "je2 4qb" "JE2 4QB" (Jersey, Guernsey and the Isle of Man use the same format), and
    /// "bfpo801" "BFPO 801" (British Forces Post Office numbers, 1 to 4 digits); spaces of any kind and case do not
    /// matter. Anything that is not a postcode is returned as typed, for the error.
    /// </summary>
    public static string? NormalisePostcode(string? postcode)
    {
        var key = AddressDetails.PostcodeKeyOf(TextInput.Clean(postcode));
        if (key is not null && BfpoPattern().Match(key) is { Success: true } bfpo)
        {
            return "BFPO " + bfpo.Groups["number"].Value;
        }

        return key is { Length: >= 5 and <= 7 } ? key[..^3] + " " + key[^3..] : TextInput.Clean(postcode);
    }

    [GeneratedRegex(@"^BFPO(?<number>[0-9]{1,4})$")]
    private static partial Regex BfpoPattern();


    private static void Require(Dictionary<string, string> errors, string field, string? value, string missing, int max, string label)
    {
        if (value is null)
        {
            errors[field] = missing;
        }
        else
        {
            MaxLength(errors, field, value, max, label);
        }
    }

    private static void MaxLength(Dictionary<string, string> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors[field] = $"{label} must be {max} characters or fewer";
        }
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^([A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}|BFPO [0-9]{1,4}|GIR 0AA)$")]
    private static partial Regex PostcodePattern();
}
