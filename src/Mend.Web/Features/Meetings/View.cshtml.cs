using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Meetings;

/// <summary>One professionals' meeting: who was there, the decisions (audited when read), the actions; marking one done, adding another.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ViewModel(ProfessionalMeetings meetings, MendDb db, FieldEncryption encryption, AuditTrail audit) : PageModel
{
    public sealed class ActionForm
    {
        public string? What { get; set; }
        public string? OwnerUserId { get; set; }
        public string? OwnerName { get; set; }
        public DateParts DueOn { get; set; } = new();
    }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public ProfessionalMeeting Meeting { get; private set; } = default!;
    public string Reference { get; private set; } = "";
    public string Decisions { get; private set; } = "";
    public List<SelectListItem> Owners { get; private set; } = [];
    public DateOnly Today => meetings.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Viewed(nameof(ProfessionalMeeting), id.ToString(), await meetings.PeopleOnAsync(Meeting.CaseId, ct), ProfessionalMeetings.PurposeOfView);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, long actionId, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await meetings.CompleteActionAsync(User, id, Version, actionId, ct);
        var answer = PageOutcome.Apply(outcome, ModelState, _ => "");
        return await this.AnswerOnSamePageAsync(answer, "Action marked done", new { id }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var (due, dueError) = Input.DueOn.Parse("The due date");
        ModelState.AddErrorIfAny("Input.DueOn", dueError);

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var outcome = await meetings.AddActionAsync(User, id, Version,
            new(Input.What, Guid.TryParse(Input.OwnerUserId, out var owner) ? owner : null, Input.OwnerName, due), ct);
        var answer = PageOutcome.Apply(outcome, ModelState, field => "Input." + PageOutcome.InputName(field == "owner" ? "ownerUserId" : field));
        return await this.AnswerOnSamePageAsync(answer, "Action added", new { id }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var meeting = await meetings.Visible(User).AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Version = meeting.Version;
        Reference = await db.Cases.Where(c => c.Id == meeting.CaseId).Select(c => c.Reference).SingleAsync(ct);
        Decisions = meeting.ReadDecisions(encryption);
        Owners = [new("Someone at another agency (enter their name)", ""), .. (await meetings.OwnersAsync(ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        return true;
    }
}
