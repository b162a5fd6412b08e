using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Assessments;

/// <summary>A case's assessments: each person taking part, where their assessment stands, and whether a process can go ahead.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(MendDb db, CaseAccess access, AssessmentChecks checks, StartAssessment start, ProcessReadiness readiness, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid PersonId, string Name, ParticipantRole Role, Assessment? Latest, IReadOnlyList<string> OutOfDate);

    public Case Case { get; private set; } = default!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> People { get; set; } = [];

    [BindProperty]
    public Guid PersonId { get; set; }

    public ProcessReadiness.Answer? Readiness { get; private set; }

    public IReadOnlyList<SelectListItem> PeopleItems => Rows.Select(r => new SelectListItem($"{r.Name} ({CaseWords.Describe(r.Role).ToLowerInvariant()})", r.PersonId.ToString())).ToList();

    public static IEnumerable<SelectListItem> KindItems =>
        new[] { SuitableProcesses.DirectConference, SuitableProcesses.ShuttleOrIndirect, SuitableProcesses.Letter }
            .Select(k => new SelectListItem(AssessmentWords.Describe(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }

        foreach (var row in Rows)
        {
            audit.Record(AuditAction.View, nameof(Assessment), caseId.ToString(), subjectPersonId: row.PersonId, purpose: Assessment.ListPurpose);
        }

        if (Kind is not null || People.Count > 0)
        {
            var kind = Enum.TryParse<SuitableProcesses>(Kind, out var k) ? k : SuitableProcesses.None;
            var people = People.Select(p => Guid.TryParse(p, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            if (kind == SuitableProcesses.None)
            {
                ModelState.AddModelError(nameof(Kind), "Select the kind of process");
            }

            if (people.Count == 0)
            {
                ModelState.AddModelError(nameof(People), "Select who would take part");
            }

            if (ModelState.IsValid)
            {
                Readiness = await readiness.CheckAsync(User, caseId, people, kind, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid caseId, CancellationToken ct)
    {
        var outcome = await start.HandleAsync(caseId, PersonId, User, ct);
        if (outcome.Kind == OutcomeKind.Exists)
        {
            TempData["Success"] = outcome.Message;
            return RedirectToPage("/Assessments/View", new { id = outcome.ExistingId });
        }

        switch (PageOutcome.Apply(outcome, ModelState, _ => nameof(PersonId)))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.ShowAgain:
                await LoadAsync(caseId, ct);
                return Page();
        }

        var started = outcome.Value!;
        TempData["Success"] = started.Number == 1 ? "Assessment started" : $"Reassessment started: version {started.Number} begins with the answers of the last one";
        return RedirectToPage("/Assessments/View", new { id = started.Id });
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return false;
        }

        Case = @case;
        var participants = @case.Participants.Where(p => p.EndedAt is null).OrderBy(p => p.Role).ThenBy(p => p.AddedAt).DistinctBy(p => p.PersonId).ToList();
        var ids = participants.Select(p => p.PersonId).ToList();
        var names = await PersonNames.OfAsync(db, ids, ct);
        var latest = await checks.LatestAsync(caseId, ct);
        var outOfDate = await checks.OutOfDateAsync(latest.ToList(), clock.LondonToday(), ct);
        Rows = participants.Select(p =>
        {
            var a = latest.FirstOrDefault(l => l.PersonId == p.PersonId);
            return new Row(p.PersonId, names.GetValueOrDefault(p.PersonId, ""), p.Role, a, a is not null && outOfDate.TryGetValue(a.Id, out var r) ? r : []);
        }).ToList();
        return true;
    }
}
