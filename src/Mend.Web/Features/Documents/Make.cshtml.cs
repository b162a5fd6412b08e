using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>
/// Makes a letter or report on a case in two steps: choose the template, then (unless it is about the case itself) the
/// victim, order or process it is about. Mend fills it in and opens the draft.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class MakeModel(MendDb db, CaseAccess access, ProduceDocuments produce) : PageModel
{
    public sealed class MakeForm
    {
        public int? TemplateId { get; set; }
        public Guid? SubjectId { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public MakeForm Input { get; set; } = new();

    public Case Case { get; private set; } = default!;

    public IReadOnlyList<DocumentTemplate> Templates { get; private set; } = [];

    public DocumentTemplate? Chosen { get; private set; }

    /// <summary>The records the chosen template can be about, on this case.</summary>
    public IReadOnlyList<SelectListItem> Records { get; private set; } = [];

    /// <summary>Set by the first step's Continue button, so pressing it with nothing chosen is told so.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Continued { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }

        if (Continued && Chosen is null)
        {
            ModelState.AddModelError("Input.TemplateId", "Select the letter or report to make");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct))
        {
            return NotFound();
        }

        if (Chosen is { Subject: not DocumentSubject.Case } && Records.Count == 0)
        {
            ModelState.AddModelError("", $"There is no {Noun(Chosen.Subject)} on this case to make this document about");
            return Page();
        }

        var subjectId = Chosen?.Subject == DocumentSubject.Case ? caseId : Input.SubjectId;
        var outcome = await produce.MakeAsync(User, new ProduceDocuments.MakeInput(Input.TemplateId, Chosen?.Subject, subjectId), ct);
        switch (PageOutcome.Apply(outcome, ModelState, field => field == "subjectId" ? "Input.SubjectId" : ""))
        {
            case PageAnswer.Done:
                TempData["Success"] = "Draft made. Check it, change it in Word if you need to, then record how you sent it.";
                return RedirectToPage("/Documents/View", new { id = outcome.Value!.Id });
            case PageAnswer.NotFound:
                ModelState.AddModelError("Input.SubjectId", $"Choose the {Noun(Chosen!.Subject)} the document is about");
                return Page();
            default:
                return Page();
        }
    }

    public static string Noun(DocumentSubject subject) => subject switch
    {
        DocumentSubject.Victim => "victim",
        DocumentSubject.Order => "order or disposal",
        DocumentSubject.Process => "restorative process",
        _ => "case",
    };

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await access.VisibleCases(User).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return false;
        }

        Case = @case;
        Templates = await produce.TemplatesForAsync(null, @case.Jurisdiction, ct);
        Chosen = Templates.FirstOrDefault(t => t.Id == Input.TemplateId);
        Records = Chosen?.Subject switch
        {
            DocumentSubject.Victim => await (from v in db.Victims
                                             join p in db.People on v.PersonId equals p.Id
                                             where v.CaseId == caseId && v.MinimisedAt == null
                                             select new { v.Id, p.GivenName, p.FamilyName, p.OrganisationName }).AsNoTracking().ToListAsync(ct) is var victims
                ? victims.Select(v => new SelectListItem(v.OrganisationName ?? People.PersonNames.FullName(v.GivenName, v.FamilyName), v.Id.ToString())).ToList() : [],
            DocumentSubject.Order => (await access.VisibleOrders(User).AsNoTracking().Where(o => o.CaseId == caseId).OrderByDescending(o => o.DecidedOn).ToListAsync(ct))
                .Select(o => new SelectListItem($"{o.Info.Name}, decided {DocumentValues.Date(o.DecidedOn)}{(o.IsOpen ? "" : " (ended)")}", o.Id.ToString())).ToList(),
            DocumentSubject.Process => (await access.VisibleProcesses(User).AsNoTracking().Where(p => p.CaseId == caseId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct))
                .Select(p => new SelectListItem($"{Processes.ProcessWords.Describe(p.Kind)}: {Processes.ProcessWords.Describe(p.Status)}", p.Id.ToString())).ToList(),
            _ => [],
        };
        if (Records.Count == 1 && Input.SubjectId is null)
        {
            Input.SubjectId = Guid.Parse(Records[0].Value);
        }

        return true;
    }
}
