using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>Template administration for pages and the API: add a template, upload a new version, rename, stop or restart offering it.</summary>
public sealed class ManageTemplates(MendDb db, ProduceDocuments documents, StarterTemplates starters, TimeProvider clock)
{
    /// <param name="Jurisdiction">Null for both.</param>
    public sealed record TemplateInput(string? Name, string? Description, DocumentSubject? Subject, DocumentPurpose? Purpose, Jurisdiction? Jurisdiction);

    public sealed record DetailsInput(string? Name, string? Description, bool? IsActive);

    public async Task<IReadOnlyList<DocumentTemplate>> AllAsync(CancellationToken ct)
    {
        await starters.EnsureAsync(ct);
        return await db.DocumentTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    public async Task<DocumentTemplate?> OneAsync(int id, CancellationToken ct) =>
        await db.DocumentTemplates.AsNoTracking().Include(t => t.Versions).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Adds a template with its first version; the file is checked as a template for its subject.</summary>
    public async Task<Outcome<DocumentTemplate>> AddAsync(ClaimsPrincipal user, TemplateInput input, string? fileName, byte[] content, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Text(errors, "name", input.Name, "Enter the template's name", 200);
        Length(errors, "description", input.Description, 1000);
        if (input.Subject is not { } subject || !Enum.IsDefined(subject))
        {
            errors["subject"] = "Select what documents from this template are about";
        }

        if (input.Purpose is not { } purpose || !Enum.IsDefined(purpose))
        {
            errors["purpose"] = "Select whether it makes a letter or a report";
        }

        if (input.Jurisdiction is { } j && !Enum.IsDefined(j))
        {
            errors["jurisdiction"] = "Select England and Wales, Jersey, or both";
        }

        if (documents.UploadProblem(fileName, content) is { } problem)
        {
            errors["file"] = problem;
        }

        if (errors.Count > 0)
        {
            return Outcome<DocumentTemplate>.Invalid(errors);
        }

        try
        {
            var template = DocumentTemplate.Create(null, input.Name!.Trim(), TextInput.Clean(input.Description), input.Subject!.Value, input.Purpose!.Value,
                input.Jurisdiction, AttachmentCheck.SafeName(fileName), content, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.DocumentTemplates.Add(template);
            await db.SaveChangesAsync(ct);
            return Outcome<DocumentTemplate>.Done(template);
        }
        catch (DomainRuleException ex)
        {
            return Outcome<DocumentTemplate>.Invalid(ex.Field ?? "", ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>Uploads a new version, which becomes the one documents are made from; earlier versions are kept.</summary>
    public Task<Outcome<DocumentTemplate>> AddVersionAsync(ClaimsPrincipal user, int id, int version, string? fileName, byte[] content, string? note,
        CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.DocumentTemplates.Include(t => t.Versions).Where(t => t.Id == id), version,
            (DocumentTemplate template, Dictionary<string, string> errors) =>
            {
                Length(errors, "note", note, 1000);
                if (documents.UploadProblem(fileName, content) is { } problem)
                {
                    errors["file"] = problem;
                }

                if (errors.Count == 0)
                {
                    template.AddVersion(AttachmentCheck.SafeName(fileName), content, TextInput.Clean(note), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
                }

                return Task.CompletedTask;
            }, DocumentTemplate.StaleMessage, ct);

    public Task<Outcome<DocumentTemplate>> ChangeDetailsAsync(int id, int version, DetailsInput input, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.DocumentTemplates.Include(t => t.Versions).Where(t => t.Id == id), version,
            (DocumentTemplate template, Dictionary<string, string> errors) =>
            {
                Text(errors, "name", input.Name, "Enter the template's name", 200);
                Length(errors, "description", input.Description, 1000);
                if (errors.Count == 0)
                {
                    template.Rename(input.Name!.Trim(), TextInput.Clean(input.Description));
                    template.SetActive(input.IsActive ?? template.IsActive);
                }

                return Task.CompletedTask;
            }, DocumentTemplate.StaleMessage, ct);

    private static void Text(Dictionary<string, string> errors, string field, string? text, string missing, int most)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = missing;
        }

        Length(errors, field, text, most);
    }

    private static void Length(Dictionary<string, string> errors, string field, string? text, int most)
    {
        if (text?.Trim().Length > most)
        {
            errors[field] = $"{char.ToUpperInvariant(field[0])}{field[1..]} must be {most:N0} characters or fewer";
        }
    }
}
