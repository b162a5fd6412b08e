using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Staff.Register;

/// <summary>Records a DBS check on a person's register; the certificate number is never shown back in full.</summary>
public sealed class DbsModel(StaffRegister register) : StaffTaskPage(register)
{
    public sealed class DbsForm
    {
        public string? Level { get; set; }
        public string? CertificateNumber { get; set; }
        public DateParts IssuedOn { get; set; } = new();
        public bool UpdateService { get; set; }
        public DateParts RenewBy { get; set; } = new();
    }

    [BindProperty]
    public DbsForm Dbs { get; set; } = new();

    public override string Title => "Record a DBS check";

    public static IEnumerable<SelectListItem> DbsLevels => Enum.GetValues<DbsLevel>().Select(l => new SelectListItem(DbsCheck.Describe(l), l.ToString()));

    public static IEnumerable<SelectListItem> UpdateServiceItems => [new("They subscribe to the Update Service", "true")];

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (issued, issuedError) = Dbs.IssuedOn.Parse("The date issued");
        var (renew, renewError) = Dbs.RenewBy.Parse("The renewal date");
        ModelState.AddErrorIfAny("Dbs.IssuedOn", issuedError);
        ModelState.AddErrorIfAny("Dbs.RenewBy", renewError);
        var number = Dbs.CertificateNumber;
        Dbs.CertificateNumber = null; // never shown back in full
        ModelState.Remove("Dbs.CertificateNumber");
        return await AnswerAsync(id, () => Register.RecordDbsAsync(User, id, new DbsCheck.Details(Enum.TryParse<DbsLevel>(Dbs.Level, out var level) ? level : null,
            number, issued, Dbs.UpdateService, renew), ct), "Dbs", d => $"DBS check recorded: {d.MaskedNumber}, renew by {d.RenewBy:d MMMM yyyy}", ct);
    }
}
