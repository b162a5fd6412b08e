using Mend.Web.Features.Documents;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Admin.Templates;

/// <summary>One template: its versions (each downloadable), uploading a new version, and its name, description and whether it is offered.</summary>
[Authorize(Policy = Policies.ManageTemplates)]
public sealed class EditModel(ManageTemplates manage, DocumentSettings settings) : PageModel
{
    public sealed class DetailsForm
    {
        /// <summary>Up to 200 characters.</summary>
        public string? Name { get; set; }

        /// <summary>Up to 1,000 characters.</summary>
        public string? Description { get; set; }
        public bool IsActive { get; set; }
    }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int MaxUploadMegabytes => settings.MaxUploadMegabytes;

    /// <summary>Up to 1,000 characters: what changed in this version.</summary>
    [BindProperty]
    public string? Note { get; set; }

    public DocumentTemplate Template { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new DetailsForm { Name = Template.Name, Description = Template.Description, IsActive = Template.IsActive };
        return Page();
    }

    public async Task<IActionResult> OnGetVersionAsync(int id, int number, CancellationToken ct) =>
        await manage.OneAsync(id, ct) is { } template && template.Versions.FirstOrDefault(v => v.Number == number) is { } version
            ? File(version.Content, DocumentsApi.DocxType, version.FileName)
            : NotFound();

    public async Task<IActionResult> OnPostVersionAsync(int id, CancellationToken ct)
    {
        var outcome = await manage.AddVersionAsync(User, id, Version, Upload?.FileName, await AddModel.ReadAsync(Upload, ct), Note, ct);
        return await AnswerAsync(id, PageOutcome.Apply(outcome, ModelState, field => field == "file" ? nameof(Upload) : field == "note" ? nameof(Note) : ""),
            $"Version {outcome.Value?.CurrentNumber} uploaded: documents are made from it from now on", ct);
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, CancellationToken ct)
    {
        var outcome = await manage.ChangeDetailsAsync(id, Version, new ManageTemplates.DetailsInput(Input.Name, Input.Description, Input.IsActive), ct);
        return await AnswerAsync(id, PageOutcome.Apply(outcome, ModelState), "Details saved", ct);
    }

    private Task<IActionResult> AnswerAsync(int id, PageAnswer answer, string success, CancellationToken ct) =>
        this.AnswerOnSamePageAsync(answer, success, new { id }, () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await manage.OneAsync(id, ct) is not { } template)
        {
            return false;
        }

        Template = template;
        Version = template.Version;
        return true;
    }
}
