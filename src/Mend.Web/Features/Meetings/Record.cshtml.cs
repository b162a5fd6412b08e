using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Meetings;

/// <summary>Records a professionals' meeting on a case: the kind, date, agencies present, decisions, and up to three actions (more can be added after).</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class RecordModel(ProfessionalMeetings meetings, CaseAccess access) : PageModel
{
    public const int ActionRows = 3;

    public sealed class ActionForm
    {
        public string? What { get; set; }
        public string? OwnerUserId { get; set; }
        public string? OwnerName { get; set; }
        public DateParts DueOn { get; set; } = new();
    }

    public sealed class MeetingForm
    {
        public string? Kind { get; set; }
        public DateParts HeldOn { get; set; } = new();
        public string? AgenciesPresent { get; set; }
        public string? Decisions { get; set; }
        public List<ActionForm> Actions { get; set; } = [];
    }

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public List<SelectListItem> Owners { get; private set; } = [];

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(MeetingWords.Describe(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        Input.HeldOn = DateParts.From(meetings.Today);
        return await LoadAsync(caseId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var (held, heldError) = Input.HeldOn.Parse("The date of the meeting");
        ModelState.AddErrorIfAny("Input.HeldOn", heldError);
        var actions = new List<ProfessionalMeetings.ActionInput>();
        for (var i = 0; i < Input.Actions.Count; i++)
        {
            var (due, dueError) = Input.Actions[i].DueOn.Parse("The due date");
            ModelState.AddErrorIfAny($"Input.Actions[{i}].DueOn", dueError);
            actions.Add(new(Input.Actions[i].What, Guid.TryParse(Input.Actions[i].OwnerUserId, out var owner) ? owner : null, Input.Actions[i].OwnerName, due));
        }

        if (ModelState.IsValid)
        {
            var outcome = await meetings.RecordAsync(User, caseId,
                new(Enum.TryParse<MeetingKind>(Input.Kind, out var kind) ? kind : null, held, Input.AgenciesPresent, Input.Decisions, actions), ct);
            // "actions[1].owner" is the second row's owner list.
            var answer = PageOutcome.Apply(outcome, ModelState, field => "Input." + PageOutcome.InputName(field.EndsWith(".owner", StringComparison.Ordinal) ? field + "UserId" : field));
            if (answer == PageAnswer.NotFound)
            {
                return NotFound();
            }

            if (answer == PageAnswer.Done)
            {
                TempData["Success"] = $"{MeetingWords.Describe(outcome.Value!.Kind)} recorded";
                return Redirect($"/Meetings/{outcome.Value.Id}");
            }
        }

        return await LoadAsync(caseId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var reference = await access.VisibleCases(User).Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return false;
        }

        while (Input.Actions.Count < ActionRows)
        {
            Input.Actions.Add(new());
        }

        Owners = [new("Someone at another agency (enter their name)", ""), .. (await meetings.OwnersAsync(ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        ViewData["Task"] = "Record a professionals' meeting";
        ViewData["Caption"] = $"Case {reference}";
        ViewData["Back"] = $"/Cases/{caseId}/Meetings";
        return true;
    }
}
