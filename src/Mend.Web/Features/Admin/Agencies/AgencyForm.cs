using Mend.Web.Features.Orders;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Admin.Agencies;

/// <summary>A partner organisation as typed; <see cref="Validate"/> gives its details or puts each error on its field.</summary>
public sealed class AgencyForm
{
    public string? Name { get; set; }
    public string? Services { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Sector { get; set; }
    public string? Address { get; set; }
    public string? Active { get; set; } = "active";

    public bool IsActive => Active != "retired";

    public static IEnumerable<SelectListItem> SectorItems => Enum.GetValues<PartnerSector>().Select(s => new SelectListItem(PartnerSectors.Describe(s), s.ToString()));

    public static IEnumerable<SelectListItem> ActiveItems =>
        [new("In use: activities can be given to it", "active"), new("No longer used", "retired")];

    public static AgencyForm From(PartnerAgency a) => new()
    {
        Name = a.Name,
        Services = a.Services,
        ContactName = a.ContactName,
        Phone = a.Phone,
        Email = a.Email,
        Sector = a.Sector?.ToString(),
        Address = a.Address,
        Active = a.IsActive ? "active" : "retired",
    };

    public PartnerAgencyDetails? Validate(ModelStateDictionary modelState, string prefix)
    {
        void Check(string? value, string field, string what, int most, bool required = true)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                modelState.AddModelError($"{prefix}.{field}", $"Enter the {what}");
            }
            else if (value?.Trim().Length > most)
            {
                modelState.AddModelError($"{prefix}.{field}", $"The {what} must be {most:N0} characters or fewer");
            }
        }

        Check(Name, nameof(Name), "name", 100);
        Check(Services, nameof(Services), "services", 2000);
        Check(ContactName, nameof(ContactName), "contact's name", 200, required: false);
        Check(Phone, nameof(Phone), "phone number", 40, required: false);
        Check(Email, nameof(Email), "email address", 200, required: false);
        Check(Address, nameof(Address), "address", 300, required: false);
        PartnerSector? sector = Enum.TryParse<PartnerSector>(Sector, out var s) && Enum.IsDefined(s) ? s : null;
        if (sector is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Sector)}", "Choose whether it is statutory, voluntary, private or community");
        }
        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))
        {
            modelState.AddModelError($"{prefix}.{nameof(Email)}", "Enter an email address like name@example.org");
        }

        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return modelState.IsValid ? new PartnerAgencyDetails(Name!.Trim(), Services!.Trim(), Clean(ContactName), Clean(Phone), Clean(Email), sector, Clean(Address)) : null;
    }
}
