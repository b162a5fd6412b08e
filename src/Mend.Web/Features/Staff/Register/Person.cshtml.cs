using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff.Register;

/// <summary>One person's register: what they hold, what is due, their history; recording a course, a DBS check and their practitioner level.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class PersonModel(StaffRegister register, AuditTrail audit, MendDb db, Platform.Encryption.FieldEncryption encryption) : PageModel
{
    [BindProperty]
    public string? PractitionerLevel { get; set; }

    public StaffRegister.Summary Person { get; private set; } = default!;
    public List<TrainingRecord> Courses { get; private set; } = [];
    public List<DbsCheck> Checks { get; private set; } = [];

    public List<Supervision> Supervisions { get; private set; } = [];

    /// <summary>The notes this user may read (<see cref="Supervision.NotesReadableBy"/>), decrypted for the page only, by record id.</summary>
    public Dictionary<long, string> Notes { get; private set; } = [];

    public IEnumerable<SelectListItem> PractitionerLevels =>
        new[] { new SelectListItem("Not a practising facilitator", "") }.Concat(Enum.GetValues<PractitionerLevel>()
            .Select(l => new SelectListItem($"{CpdRequirement.Describe(l)} ({CpdRequirement.HoursFor(l):0} CPD hours a year)", l.ToString(), l == Person.Level)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Record(AuditAction.View, "StaffRegister", id.ToString(), purpose: "Staff register");
        var teamId = await db.Users.Where(u => u.Id == id).Select(u => u.TeamId).SingleAsync(ct);
        var managesTheirTeam = User.IsInRole(Roles.Manager) && teamId is not null && User.TeamIdOf() == teamId;
        foreach (var s in Supervisions.Where(s => s.NotesReadableBy(User.UserId(), managesTheirTeam)))
        {
            Notes[s.Id] = s.ReadNotes(encryption);
            audit.Record(AuditAction.View, "SupervisionNotes", s.Id.ToString(), purpose: "Supervision notes");
        }

        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLevelAsync(Guid id, CancellationToken ct)
    {
        PractitionerLevel? level = Enum.TryParse<PractitionerLevel>(PractitionerLevel, out var l) && Enum.IsDefined(l) ? l : null;
        if (level is null && !string.IsNullOrEmpty(PractitionerLevel))
        {
            return BadRequest();
        }

        if (!await register.SetLevelAsync(id, level, ct))
        {
            return NotFound();
        }

        TempData["Success"] = level is null ? "Practitioner level cleared" : $"Practitioner level set: {CpdRequirement.Describe(level.Value)}";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await register.ForAsync(id, ct) is not { } person)
        {
            return false;
        }

        Person = person;
        Courses = await register.TrainingAsync(id, ct);
        Checks = await register.ChecksAsync(id, ct);
        Supervisions = await register.SupervisionsAsync(id, ct);
        return true;
    }
}
