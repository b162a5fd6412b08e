using Mend.Web.Features.Cases;
using Mend.Web.Features.Documents;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Admin.Templates;

/// <summary>Adds a template from a Word document: what it is about, letter or report, and the jurisdiction it is written for.</summary>
[Authorize(Policy = Policies.ManageTemplates)]
public sealed class AddModel(ManageTemplates manage, DocumentSettings settings) : PageModel
{
    public sealed class TemplateForm
    {
        /// <summary>Up to 200 characters.</summary>
        public string? Name { get; set; }

        /// <summary>Up to 1,000 characters.</summary>
        public string? Description { get; set; }
        public string? Subject { get; set; }
        public string? Purpose { get; set; }
        public string? Jurisdiction { get; set; } = "Both";
    }

    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int MaxUploadMegabytes => settings.MaxUploadMegabytes;

    public static IEnumerable<SelectListItem> SubjectItems =>
        Enum.GetValues<DocumentSubject>().Select(s => new SelectListItem(DocumentFields.Describe(s), s.ToString()));

    public static IEnumerable<SelectListItem> PurposeItems => [new("A letter", nameof(DocumentPurpose.Letter)), new("A report", nameof(DocumentPurpose.Report))];

    public static IEnumerable<SelectListItem> JurisdictionItems =>
        [new("Both", "Both"), new("England and Wales", nameof(Cases.Jurisdiction.EnglandAndWales)), new("Jersey", nameof(Cases.Jurisdiction.Jersey))];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var content = await ReadAsync(Upload, ct);
        var outcome = await manage.AddAsync(User, new ManageTemplates.TemplateInput(Input.Name, Input.Description,
            Enum.TryParse<DocumentSubject>(Input.Subject, out var subject) ? subject : null,
            Enum.TryParse<DocumentPurpose>(Input.Purpose, out var purpose) ? purpose : null,
            Enum.TryParse<Jurisdiction>(Input.Jurisdiction, out var jurisdiction) ? jurisdiction : null), Upload?.FileName, content, ct);
        if (PageOutcome.Apply(outcome, ModelState, field => field == "file" ? nameof(Upload) : "Input." + PageOutcome.InputName(field)) == PageAnswer.Done)
        {
            TempData["Success"] = $"Template added: {outcome.Value!.Name}";
            return RedirectToPage("/Admin/Templates/Edit", new { id = outcome.Value.Id });
        }

        return Page();
    }

    /// <summary>The uploaded file's bytes; empty when none was chosen.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
