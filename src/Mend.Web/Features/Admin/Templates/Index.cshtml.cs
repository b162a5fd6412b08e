using Mend.Web.Features.Documents;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Admin.Templates;

/// <summary>The letter and report templates, with the fields a template may use.</summary>
[Authorize(Policy = Policies.ManageTemplates)]
public sealed class IndexModel(ManageTemplates manage, DocumentSettings settings) : PageModel
{
    public IReadOnlyList<DocumentTemplate> Templates { get; private set; } = [];

    /// <summary>Service details letters print but that are not set (Mend:Documents), so the administrator can ask for them.</summary>
    public IReadOnlyList<string> MissingDetails { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Templates = await manage.AllAsync(ct);
        MissingDetails = new[] { ("address", settings.ServiceAddress), ("telephone number", settings.ServicePhone), ("e-mail address", settings.ServiceEmail) }
            .Where(d => string.IsNullOrWhiteSpace(d.Item2)).Select(d => d.Item1).ToList();
    }

    public static string Jurisdiction(DocumentTemplate t) => t.Jurisdiction is { } j ? Cases.CaseWords.Describe(j) : "Both";
}
