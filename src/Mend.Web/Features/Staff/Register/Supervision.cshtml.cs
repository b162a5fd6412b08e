using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff.Register;

/// <summary>Records a case supervision or observed practice for a practitioner, by someone other than them; the notes are kept encrypted.</summary>
public sealed class SupervisionModel(StaffRegister register, MendDb db) : StaffTaskPage(register)
{
    public sealed class SupervisionForm
    {
        public string? Kind { get; set; }
        public string? SupervisorId { get; set; }
        public DateParts HeldOn { get; set; } = new();
        public string? CasesDiscussed { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty]
    public SupervisionForm Supervision { get; set; } = new();

    public override string Title => "Record supervision or observed practice";

    public List<SelectListItem> SupervisorItems { get; } = [];

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<SupervisionKind>().Select(k => new SelectListItem(SupervisionRule.Describe(k), k.ToString()));

    protected override async Task LoadMoreAsync(Guid id, CancellationToken ct)
    {
        SupervisorItems.Clear();
        SupervisorItems.Add(new("Choose the supervisor", ""));
        SupervisorItems.AddRange(await StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).Where(u => u.Id != id).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToListAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (held, heldError) = Supervision.HeldOn.Parse("The date held");
        ModelState.AddErrorIfAny("Supervision.HeldOn", heldError);
        return await AnswerAsync(id, () => Register.RecordSupervisionAsync(User, id, new Staff.Supervision.Details(Enum.TryParse<SupervisionKind>(Supervision.Kind, out var kind) ? kind : null,
            Guid.TryParse(Supervision.SupervisorId, out var supervisor) ? supervisor : null, null, held, Supervision.CasesDiscussed, Supervision.Notes), ct),
            "Supervision", s => $"{SupervisionRule.Describe(s.Kind)} recorded; the next is due by {SupervisionRule.DueAfter(s.Kind, s.HeldOn):d MMMM yyyy}", ct);
    }
}
