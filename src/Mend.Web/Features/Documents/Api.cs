using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>
/// Letters and reports: /api/v1/documents (make, read, download as DOCX or PDF, replace a draft, send) and template
/// administration at /api/v1/document-templates. Files travel as base64 in JSON bodies.
/// </summary>
public static class DocumentsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public sealed record DocumentResource(Guid Id, Guid CaseId, DocumentSubject Subject, Guid? SubjectId, string Title, int TemplateId, int TemplateVersion,
        DocumentPurpose Purpose, DocumentStatus Status, bool Edited, string Sha256, string CreatedBy, DateTime CreatedAt, DateOnly? SentOn, SendMethod? Method,
        string? Recipient, string? SentBy, string? SentPdfSha256);

    public sealed record TemplateVersionResource(int Number, string FileName, string Sha256, long SizeBytes, string? Note, string UploadedBy, DateTime UploadedAt);

    public sealed record TemplateResource(int Id, string? Key, string Name, string? Description, DocumentSubject Subject, DocumentPurpose Purpose,
        Jurisdiction? Jurisdiction, bool IsActive, int CurrentVersion, IReadOnlyList<TemplateVersionResource>? Versions);

    /// <summary>A Word file: its name and its content in base64 (at most Mend:Documents:MaxUploadMegabytes).</summary>
    public sealed record FileInput(string? FileName, string? Content, string? Note = null);

    public sealed record NewTemplateInput(string? Name, string? Description, DocumentSubject? Subject, DocumentPurpose? Purpose, Jurisdiction? Jurisdiction,
        string? FileName, string? Content);

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("").WithTags("Documents");
        MapDocuments(group);
        MapTemplates(group);
    }

    private static void MapDocuments(RouteGroupBuilder group)
    {
        group.MapPost("/documents", async (ProduceDocuments.MakeInput input, HttpContext http, ProduceDocuments produce, CancellationToken ct) =>
            {
                var outcome = await produce.MakeAsync(http.User, input, ct);
                return ApiChange.Answer(http, outcome, d => d.Version, d => Results.Created($"/api/v1/documents/{d.Id}", Resource(d)));
            })
            .WithName("MakeDocument")
            .WithSummary("Makes a draft letter or report from a template's current version and a record (subject Case, Victim, Order or Process, with its id)")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<DocumentResource>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        group.MapGet("/cases/{id:guid}/documents", async (Guid id, HttpContext http, CaseAccess access, ProduceDocuments produce, AuditTrail audit, MendDb db,
                CancellationToken ct) =>
            {
                if (!await access.VisibleCases(http.User).AnyAsync(c => c.Id == id, ct))
                {
                    return Results.Problem(statusCode: 404, title: "Not found, or you cannot see it.");
                }

                var list = await produce.Visible(http.User).AsNoTracking().Where(d => d.CaseId == id).OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
                audit.Viewed(nameof(Case), id.ToString(), list.Where(d => d.PersonId != null).Select(d => d.PersonId!.Value).Distinct(), Document.ViewPurpose);
                await db.SaveChangesAsync(ct);
                return Results.Ok(list.Select(Resource).ToList());
            })
            .WithName("ListDocuments").WithSummary("The letters and reports made on a case, newest first")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<DocumentResource>>().ProducesProblem(404);

        group.MapGet("/documents/{id:guid}", async (Guid id, HttpContext http, ProduceDocuments produce, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var document = await produce.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
                if (document is null)
                {
                    return Results.Problem(statusCode: 404, title: "Not found, or you cannot see it.");
                }

                audit.Viewed(nameof(Document), id.ToString(), await produce.PeopleInAsync(document, ct), Document.ViewPurpose);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, document.Version);
                return Results.Ok(Resource(document));
            })
            .WithName("GetDocument").WithSummary("A letter or report: its template version, status, hashes, and to whom and how it was sent; with an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<DocumentResource>().ProducesProblem(404);

        group.MapGet("/documents/{id:guid}/content", async (Guid id, string? format, HttpContext http, ProduceDocuments produce, AuditTrail audit, MendDb db,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (format is not (null or "docx" or "pdf"))
                {
                    return ApiResults.FieldErrors(new Dictionary<string, string> { ["format"] = "Ask for format=docx or format=pdf" });
                }

                var document = await produce.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
                if (document is null)
                {
                    return Results.Problem(statusCode: 404, title: "Not found, or you cannot see it.");
                }

                if (await produce.RestrictedInAsync(document, clock.GetUtcNow().UtcDateTime, ct) is not null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: "Processing of the data of someone in this document is restricted, so it cannot be downloaded. A data protection officer can allow it for a lawful reason.");
                }

                var pdf = format == "pdf" ? await produce.PdfOfAsync(document, ct) : null;
                if (pdf?.Failure is not null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: pdf.Message, detail: "The DOCX is available: ask for format=docx.");
                }

                foreach (var person in await produce.PeopleInAsync(document, ct))
                {
                    audit.Record(AuditAction.Export, nameof(Document), id.ToString(), subjectPersonId: person, purpose: $"Downloaded as {(pdf is null ? "DOCX" : "PDF")}");
                }

                await db.SaveChangesAsync(ct);
                return pdf is null
                    ? Results.File(document.Content, DocxType, FileName(document, "docx"))
                    : Results.File(pdf.Pdf!, "application/pdf", FileName(document, "pdf"));
            })
            .WithName("GetDocumentContent").WithSummary("The document as DOCX (format=docx, the default) or PDF (format=pdf; 503 when LibreOffice cannot make one)")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces(200, contentType: DocxType).Produces(200, contentType: "application/pdf").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(503);

        group.MapPut("/documents/{id:guid}/content", (Guid id, FileInput input, HttpContext http, ProduceDocuments produce, CancellationToken ct) =>
                ApiChange.RunAsync(http, produce.Visible(http.User).AsNoTracking().Where(d => d.Id == id).Select(d => d.Version),
                    version => Decode(input.Content) is { } bytes
                        ? produce.ReplaceAsync(http.User, id, version, input.FileName, bytes, ct)
                        : Task.FromResult(Outcome<Document>.Invalid("content", "Give the file's content in base64")),
                    d => d.Version, d => Results.Ok(Resource(d)), ct))
            .WithName("ReplaceDocumentContent").WithSummary("Replaces a draft with a version edited in Word (a .docx, base64). Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<DocumentResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);

        group.MapPost("/documents/{id:guid}/sent", (Guid id, ProduceDocuments.SendInput input, HttpContext http, ProduceDocuments produce, CancellationToken ct) =>
                ApiChange.RunAsync(http, produce.Visible(http.User).AsNoTracking().Where(d => d.Id == id).Select(d => d.Version),
                    version => produce.SendAsync(http.User, id, version, input, ct), d => d.Version, d => Results.Ok(Resource(d)), ct))
            .WithName("SendDocument")
            .WithSummary("Records that the document was sent (method, recipient, day): it is frozen and the disclosure recorded. A letter to a victim follows their contact choices. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<DocumentResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
    }

    private static void MapTemplates(RouteGroupBuilder group)
    {
        group.MapGet("/document-templates", async (ManageTemplates manage, CancellationToken ct) =>
                Results.Ok((await manage.AllAsync(ct)).Select(t => Resource(t, null)).ToList()))
            .WithName("ListDocumentTemplates").WithSummary("The letter and report templates, with the subject each is about and its current version")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager, Roles.Administrator))
            .Produces<List<TemplateResource>>();

        group.MapGet("/document-templates/{id:int}", async (int id, HttpContext http, ManageTemplates manage, CancellationToken ct) =>
            {
                if (await manage.OneAsync(id, ct) is not { } template)
                {
                    return Results.Problem(statusCode: 404, title: "Not found, or you cannot see it.");
                }

                ApiResults.SetETag(http, template.Version);
                return Results.Ok(Resource(template, template.Versions));
            })
            .WithName("GetDocumentTemplate").WithSummary("A template with every version uploaded, and an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator).RequireScope(ApiScopes.ManageTemplates))
            .Produces<TemplateResource>().ProducesProblem(404);

        group.MapGet("/document-templates/{id:int}/versions/{number:int}/content", async (int id, int number, ManageTemplates manage, CancellationToken ct) =>
                await manage.OneAsync(id, ct) is { } template && template.Versions.FirstOrDefault(v => v.Number == number) is { } version
                    ? Results.File(version.Content, DocxType, version.FileName)
                    : Results.Problem(statusCode: 404, title: "Not found, or you cannot see it."))
            .WithName("GetDocumentTemplateVersion").WithSummary("One version of a template, as uploaded")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator).RequireScope(ApiScopes.ManageTemplates))
            .Produces(200, contentType: DocxType).ProducesProblem(404);

        group.MapPost("/document-templates", async (NewTemplateInput input, HttpContext http, ManageTemplates manage, CancellationToken ct) =>
            {
                if (Decode(input.Content) is not { } bytes)
                {
                    return ApiResults.FieldErrors(new Dictionary<string, string> { ["content"] = "Give the file's content in base64" });
                }

                var outcome = await manage.AddAsync(http.User, new ManageTemplates.TemplateInput(input.Name, input.Description, input.Subject, input.Purpose,
                    input.Jurisdiction), input.FileName, bytes, ct);
                return ApiChange.Answer(http, outcome, t => t.Version, t => Results.Created($"/api/v1/document-templates/{t.Id}", Resource(t, t.Versions)));
            })
            .WithName("AddDocumentTemplate").WithSummary("Adds a template from a .docx (base64): fields are content controls or MERGEFIELDs from the documented list")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator).RequireScope(ApiScopes.ManageTemplates))
            .Produces<TemplateResource>(201).ProducesValidationProblem();

        group.MapPost("/document-templates/{id:int}/versions", (int id, FileInput input, HttpContext http, ManageTemplates manage, MendDb db, CancellationToken ct) =>
                ApiChange.RunAsync(http, db.DocumentTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => t.Version),
                    version => Decode(input.Content) is { } bytes
                        ? manage.AddVersionAsync(http.User, id, version, input.FileName, bytes, input.Note, ct)
                        : Task.FromResult(Outcome<DocumentTemplate>.Invalid("content", "Give the file's content in base64")),
                    t => t.Version, t => Results.Ok(Resource(t, t.Versions)), ct))
            .WithName("AddDocumentTemplateVersion").WithSummary("Uploads a new version of a template; earlier versions are kept. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator).RequireScope(ApiScopes.ManageTemplates))
            .Produces<TemplateResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        group.MapPut("/document-templates/{id:int}", (int id, ManageTemplates.DetailsInput input, HttpContext http, ManageTemplates manage, MendDb db,
                CancellationToken ct) =>
                ApiChange.RunAsync(http, db.DocumentTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => t.Version),
                    version => manage.ChangeDetailsAsync(id, version, input, ct), t => t.Version, t => Results.Ok(Resource(t, t.Versions)), ct))
            .WithName("ChangeDocumentTemplate").WithSummary("Renames a template, or stops (isActive false) or restarts offering it. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator).RequireScope(ApiScopes.ManageTemplates))
            .Produces<TemplateResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    public static string FileName(Document document, string extension)
    {
        var name = new string(document.Title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ').ToArray()).Trim();
        return $"{(name.Length > 80 ? name[..80].Trim() : name)}.{extension}";
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static DocumentResource Resource(Document d) =>
        new(d.Id, d.CaseId, d.Subject, d.SubjectId, d.Title, d.TemplateId, d.TemplateNumber, d.Purpose, d.Status, d.Edited, d.Sha256, d.CreatedByName, d.CreatedAt,
            d.SentOn, d.Method, d.Recipient, d.SentByName, d.SentPdfSha256);

    private static TemplateResource Resource(DocumentTemplate t, IEnumerable<TemplateVersion>? versions) =>
        new(t.Id, t.Key, t.Name, t.Description, t.Subject, t.Purpose, t.Jurisdiction, t.IsActive, t.CurrentNumber,
            versions?.OrderBy(v => v.Number).Select(v => new TemplateVersionResource(v.Number, v.FileName, v.Sha256, v.SizeBytes, v.Note, v.UploadedByName, v.UploadedAt))
                .ToList());
}
