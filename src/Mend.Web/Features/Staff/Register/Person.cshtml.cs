using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Staff.Register;

/// <summary>One person's register: what they hold, what is due, their history; recording a course, a DBS check and their practitioner level.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class PersonModel(StaffRegister register, AuditTrail audit, MendDb db) : PageModel
{
    public sealed class TrainingForm
    {
        public string? Kind { get; set; }
        public string? Course { get; set; }
        public string? Provider { get; set; }
        public string? Level { get; set; }
        public DateParts CompletedOn { get; set; } = new();
        public DateParts ExpiresOn { get; set; } = new();
        public string? CpdHours { get; set; }
        public bool RjcApproved { get; set; }
    }

    public sealed class DbsForm
    {
        public string? Level { get; set; }
        public string? CertificateNumber { get; set; }
        public DateParts IssuedOn { get; set; } = new();
        public bool UpdateService { get; set; }
        public DateParts RenewBy { get; set; } = new();
    }

    [BindProperty]
    public TrainingForm Training { get; set; } = new();

    [BindProperty]
    public DbsForm Dbs { get; set; } = new();

    [BindProperty]
    public string? PractitionerLevel { get; set; }

    public StaffRegister.Summary Person { get; private set; } = default!;
    public List<TrainingRecord> Courses { get; private set; } = [];
    public List<DbsCheck> Checks { get; private set; } = [];

    public static IEnumerable<SelectListItem> KindItems =>
    [
        new("Panel member training (needed to sit on a panel)", nameof(TrainingKind.PanelMember)),
        new("Safeguarding", nameof(TrainingKind.Safeguarding)),
        new("Restorative justice facilitation", nameof(TrainingKind.RjFacilitation)),
        new("Continuing professional development", nameof(TrainingKind.Cpd)),
        new("Other", nameof(TrainingKind.Other)),
    ];

    public static IEnumerable<SelectListItem> SafeguardingLevels => [new("Not safeguarding training", ""), new("Level 1", "1"), new("Level 2", "2"), new("Level 3", "3")];

    public static IEnumerable<SelectListItem> DbsLevels => Enum.GetValues<DbsLevel>().Select(l => new SelectListItem(DbsCheck.Describe(l), l.ToString()));

    public static IEnumerable<SelectListItem> ApprovedItems => [new("RJC approved CPD", "true")];

    public static IEnumerable<SelectListItem> UpdateServiceItems => [new("They subscribe to the Update Service", "true")];

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
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTrainingAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var (completed, completedError) = Training.CompletedOn.Parse("The date completed");
        var (expires, expiresError) = Training.ExpiresOn.IsEmpty ? ((DateOnly?)null, (string?)null) : Training.ExpiresOn.Parse("The expiry date");
        Add("Training.CompletedOn", completedError);
        Add("Training.ExpiresOn", expiresError);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Training.CpdHours))
        {
            if (decimal.TryParse(Training.CpdHours.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var h))
            {
                hours = h;
            }
            else
            {
                ModelState.AddModelError("Training.CpdHours", "Enter the CPD hours as a number, like 3 or 1.5");
            }
        }

        if (ModelState.IsValid)
        {
            var outcome = await register.RecordTrainingAsync(User, id, new TrainingRecord.Details(Enum.TryParse<TrainingKind>(Training.Kind, out var kind) ? kind : null,
                Training.Course, Training.Provider, int.TryParse(Training.Level, out var level) ? level : null, completed, expires, hours, Training.RjcApproved), ct);
            var answer = PageOutcome.Apply(outcome, ModelState, "Training");
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = $"Training recorded: {outcome.Value!.Course}";
                return RedirectToPage(new { id });
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDbsAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var (issued, issuedError) = Dbs.IssuedOn.Parse("The date issued");
        var (renew, renewError) = Dbs.RenewBy.Parse("The renewal date");
        Add("Dbs.IssuedOn", issuedError);
        Add("Dbs.RenewBy", renewError);
        if (ModelState.IsValid)
        {
            var outcome = await register.RecordDbsAsync(User, id, new DbsCheck.Details(Enum.TryParse<DbsLevel>(Dbs.Level, out var level) ? level : null,
                Dbs.CertificateNumber, issued, Dbs.UpdateService, renew), ct);
            var answer = PageOutcome.Apply(outcome, ModelState, "Dbs");
            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = $"DBS check recorded: {outcome.Value!.MaskedNumber}, renew by {outcome.Value.RenewBy:d MMMM yyyy}";
                return RedirectToPage(new { id });
            }

            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }
        }

        Dbs.CertificateNumber = null; // never shown back in full
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLevelAsync(Guid id, CancellationToken ct)
    {
        PractitionerLevel? level = Enum.TryParse<PractitionerLevel>(PractitionerLevel, out var l) ? l : null;
        if (!await register.SetLevelAsync(id, level, ct))
        {
            return NotFound();
        }

        TempData["Success"] = level is null ? "Practitioner level cleared" : $"Practitioner level set: {CpdRequirement.Describe(level.Value)}";
        return RedirectToPage(new { id });
    }

    private void Add(string key, string? error)
    {
        if (error is not null)
        {
            ModelState.AddModelError(key, error);
        }
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
        return true;
    }
}
