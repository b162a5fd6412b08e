using Mend.Web.Data;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Agencies;

/// <summary>Changes a partner in the directory, or retires it; adds and removes its contacts.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class EditModel(MendDb db) : PageModel
{
    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>A contact being added: name (required), role, phone, email.</summary>
    public sealed class ContactForm
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    public string Name { get; private set; } = "";

    public IReadOnlyList<PartnerContact> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var project = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        (Name, Version, Input, Contacts) = (project.Name, project.Version, AgencyForm.From(project), project.Contacts);
        return Page();
    }

    public Task<IActionResult> OnPostAddContactAsync(int id, CancellationToken ct) => ContactChangeAsync(id, (agency, errors) =>
    {
        var contact = agency.AddContact(Contact.Name, Contact.Role, Contact.Phone, Contact.Email);
        return $"{contact.Name} added";
    }, ct);

    public Task<IActionResult> OnPostRemoveContactAsync(int id, long contactId, CancellationToken ct) => ContactChangeAsync(id, (agency, _) =>
    {
        var name = agency.Contacts.FirstOrDefault(c => c.Id == contactId)?.Name;
        agency.RemoveContact(contactId);
        return $"{name} removed";
    }, ct);

    /// <summary>A change to the contacts, at the version the page showed: back to this page with a banner, or the form again with its errors.</summary>
    private async Task<IActionResult> ContactChangeAsync(int id, Func<PartnerAgency, Dictionary<string, string>, string> change, CancellationToken ct)
    {
        ModelState.Clear();
        var success = "";
        var outcome = await VersionedChange.RunAsync(db, db.PartnerAgencies.Where(p => p.Id == id), Version,
            (PartnerAgency p, Dictionary<string, string> errors) => success = change(p, errors), Conflicts.Message("this partner"), ct);
        var answer = Platform.GovUk.PageOutcome.Apply(outcome, ModelState, field => field switch
        {
            "contactName" => "Contact.Name",
            "contactRole" => "Contact.Role",
            "contactPhone" => "Contact.Phone",
            "contactEmail" => "Contact.Email",
            _ => "",
        });
        return await Platform.GovUk.PageOutcome.AnswerOnSamePageAsync(this, answer, success, new { id }, async () =>
        {
            var latest = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (latest is null)
            {
                return false;
            }

            (Name, Version, Input, Contacts) = (latest.Name, latest.Version, AgencyForm.From(latest), latest.Contacts);
            return true;
        });
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var project = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        (Name, Contacts) = (project.Name, project.Contacts);
        ModelState.Remove("Contact.Name");
        var details = Input.Validate(ModelState, nameof(Input));
        if (details is not null && await db.PartnerAgencies.AnyAsync(p => p.Name == details.Name.Trim() && p.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", "Another partner agency already has that name");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await VersionedChange.RunAsync(db, db.PartnerAgencies.Where(p => p.Id == id), Version,
            (PartnerAgency p, Dictionary<string, string> _) => p.Change(details!, Input.IsActive), Conflicts.Message("this partner agency"), ct);
        if (!outcome.IsDone)
        {
            var latest = await db.PartnerAgencies.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            (Version, Input) = (latest.Version, AgencyForm.From(latest));
            ModelState.Clear();
            ModelState.AddModelError("", outcome.Message ?? Conflicts.Message("this partner agency"));
            return Page();
        }

        TempData["Success"] = $"{details!.Name.Trim()} saved";
        return RedirectToPage("/Admin/Agencies/Index");
    }
}
