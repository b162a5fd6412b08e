using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Victims;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Documents;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>
/// Making, replacing and sending letters and reports, for pages and the API alike. A letter to a victim goes through
/// the victim's contact rules (<see cref="Victim.WhyNotContact"/>); sending freezes the document and records the
/// disclosure (and, for a report with victims' views, each victim's views as shared).
/// </summary>
public sealed class ProduceDocuments(MendDb db, CaseAccess access, DocumentValues values, StarterTemplates starters, PdfConverter pdf,
    DocumentSettings settings, AuditTrail audit, TimeProvider clock)
{
    public sealed record MakeInput(int? TemplateId, DocumentSubject? Subject, Guid? SubjectId);

    /// <param name="Recipient">Who it went to, up to 300 characters.</param>
    /// <param name="SentOn">The day it went; today when not given.</param>
    public sealed record SendInput(SendMethod? Method, string? Recipient, DateOnly? SentOn);

    /// <summary>Active templates for a subject on a case of this jurisdiction, the starter ones installed first if need be.</summary>
    /// <param name="subject">Null for templates about any subject.</param>
    public async Task<IReadOnlyList<DocumentTemplate>> TemplatesForAsync(DocumentSubject? subject, Jurisdiction jurisdiction, CancellationToken ct)
    {
        await starters.EnsureAsync(ct);
        var templates = await db.DocumentTemplates.AsNoTracking().Where(t => t.IsActive && (subject == null || t.Subject == subject)).OrderBy(t => t.Name).ToListAsync(ct);
        return templates.Where(t => t.AppliesTo(jurisdiction)).ToList();
    }

    /// <summary>The documents on cases the user may see.</summary>
    public IQueryable<Document> Visible(ClaimsPrincipal user)
    {
        var cases = access.VisibleCases(user);
        return db.Documents.Where(d => cases.Any(c => c.Id == d.CaseId));
    }

    /// <summary>Makes a draft from the template's current version and the record's values.</summary>
    public async Task<Outcome<Document>> MakeAsync(ClaimsPrincipal user, MakeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (input.TemplateId is null)
        {
            errors["templateId"] = "Choose the letter or report to make";
        }

        if (input.Subject is not { } subject || !Enum.IsDefined(subject))
        {
            errors["subject"] = "Say what the document is about: Case, Victim, Order or Process";
        }

        if (input.SubjectId is null)
        {
            errors["subjectId"] = "Give the id of the record the document is about";
        }

        if (errors.Count > 0)
        {
            return Outcome<Document>.Invalid(errors);
        }

        await starters.EnsureAsync(ct);
        var template = await db.DocumentTemplates.Include(t => t.Versions).SingleOrDefaultAsync(t => t.Id == input.TemplateId, ct);
        if (template is null || !template.IsActive)
        {
            return Outcome<Document>.Invalid("templateId", "Choose a template in use");
        }

        if (template.Subject != input.Subject)
        {
            return Outcome<Document>.Invalid("templateId", $"That template is for {DocumentFields.Describe(template.Subject).ToLowerInvariant()}, not {DocumentFields.Describe(input.Subject!.Value).ToLowerInvariant()}");
        }

        var withViews = WordTemplate.Inspect(template.Current.Content).Fields.Any(f => f.Field is { Use: FieldUse.Each, Name: "victimViews" });
        var data = await values.ForAsync(user, input.Subject!.Value, input.SubjectId!.Value, ct, withViews);
        if (data is null)
        {
            return Outcome<Document>.NotFound();
        }

        if (!template.AppliesTo(data.Jurisdiction))
        {
            return Outcome<Document>.Invalid("templateId", $"That template is written for {CaseWords.Describe(template.Jurisdiction!.Value)}; this case is in {CaseWords.Describe(data.Jurisdiction)}");
        }

        if (data.Victim?.WhyNoContactAtAll() is { } why && template.Purpose == DocumentPurpose.Letter)
        {
            return Outcome<Document>.Refused(why);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var content = WordTemplate.Fill(template.Current.Content, data.Values);
        var document = Document.Make(data.CaseId, input.Subject.Value, input.Subject == DocumentSubject.Case ? null : input.SubjectId, data.PersonId,
            $"{template.Name}: {data.About}", template, content, data.SharedViews.Select(s => s.Views.Id), user.DisplayNameOf(), now, addressId: data.AddressId);
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return Outcome<Document>.Done(document);
    }

    /// <summary>Replaces a draft with the version the worker edited in Word: a .docx without macros or embedded code.</summary>
    public Task<Outcome<Document>> ReplaceAsync(ClaimsPrincipal user, Guid id, int version, string? fileName, byte[] content, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Visible(user).Where(d => d.Id == id), version, (Document document, Dictionary<string, string> errors) =>
        {
            if (UploadProblem(fileName, content) is { } problem)
            {
                errors["file"] = problem;
                return Task.CompletedTask;
            }

            document.ReplaceContent(WordTemplate.Clean(content), clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, Document.StaleMessage, ct, wholeRecordRulesRefuse: true);

    /// <summary>
    /// Sends the document: checks a letter to a victim against their contact rules and a report's victims' views against
    /// their agreement, freezes it with its PDF (when LibreOffice can make one), and records the disclosure.
    /// </summary>
    public Task<Outcome<Document>> SendAsync(ClaimsPrincipal user, Guid id, int version, SendInput input, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Visible(user).Where(d => d.Id == id), version, async (Document document, Dictionary<string, string> errors) =>
        {
            if (input.Method is not { } method || !Enum.IsDefined(method))
            {
                errors["method"] = "Select how it was sent";
            }

            if (string.IsNullOrWhiteSpace(input.Recipient))
            {
                errors["recipient"] = "Enter who it was sent to";
            }
            else if (input.Recipient.Trim().Length > 300)
            {
                errors["recipient"] = "Who it was sent to must be 300 characters or fewer";
            }

            if (errors.Count > 0)
            {
                return;
            }

            var today = clock.LondonToday();
            var now = clock.GetUtcNow().UtcDateTime;
            var recipient = TextInput.Clean(input.Recipient)!;
            var victim = document.Subject == DocumentSubject.Victim ? await db.Victims.AsSplitQuery().SingleAsync(v => v.Id == document.SubjectId, ct) : null;
            if (victim is not null && document.Purpose == DocumentPurpose.Letter)
            {
                var person = await db.People.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == victim.PersonId, ct);
                var doNotContactDirectly = VictimWork.DoNotContactDirectly(person);
                if (ContactMethodOf(input.Method!.Value) is not { } contactMethod)
                {
                    throw new DomainRuleException("A letter to a victim goes by post, e-mail or by hand.", "method");
                }

                if (contactMethod == ContactMethod.Letter && document.AddressId is null)
                {
                    throw new DomainRuleException("There is no address this victim may be written to. Add one to their record, then make the letter again.", "method");
                }

                if (victim.WhyNotContact(contactMethod, direct: true, contactMethod == ContactMethod.Letter ? document.AddressId : null, doNotContactDirectly) is { } refusal)
                {
                    throw new DomainRuleException(refusal.Message + ".", refusal.Field is "" or "via" ? "" : "method");
                }

                victim.RecordContact(new ContactDetails(now, ContactDirection.Outgoing, contactMethod, null, ContactOutcome.Sent, $"Sent: {document.Title}",
                        contactMethod == ContactMethod.Letter ? document.AddressId : null),
                    doNotContactDirectly, user.DisplayNameOf(), now);
            }

            // A letter about someone whose processing is restricted is not sent, unless a data protection officer allowed it.
            (await RestrictedInAsync(document, now, ct))?.RequireNotRestricted(now, "shared in a letter");

            var sentBy = Document.Describe(input.Method!.Value);
            foreach (var views in await SharedViewsAsync(document, ct))
            {
                views.Victim.ShareViews(views.Views, recipient, input.SentOn ?? today, user.DisplayNameOf(), now);
                audit.Record(AuditAction.Disclosure, nameof(Victim), views.Victim.Id.ToString(), subjectPersonId: views.Victim.PersonId,
                    purpose: $"Victim's views in {document.Title}, sent to {recipient}");
                db.Disclosures.Add(DataProtection.Disclosure.Record(views.Victim.PersonId, document.CaseId, DataProtection.DisclosureKind.VictimsViews,
                    $"Victim's views in {document.Title}", recipient, sentBy, input.SentOn ?? today, $"Victim:{views.Victim.Id}", user.DisplayNameOf(), now));
            }

            var made = await pdf.ToPdfAsync(document.Content, ct);
            document.Send(input.Method!.Value, recipient, input.SentOn ?? today, made.Pdf, user.DisplayNameOf(), now, today);
            audit.Record(AuditAction.Disclosure, nameof(Document), document.Id.ToString(), subjectPersonId: document.PersonId,
                purpose: $"{document.Title}: {sentBy.ToLowerInvariant()} to {recipient}");
            var about = document.PersonId ?? await db.CaseParticipants.Where(p => p.CaseId == document.CaseId && p.Role == ParticipantRole.YoungPerson)
                .OrderBy(p => p.Id).Select(p => (Guid?)p.PersonId).FirstOrDefaultAsync(ct);
            if (about is { } personId)
            {
                var kind = input.Method switch
                {
                    SendMethod.Court => DataProtection.DisclosureKind.CourtReport,
                    SendMethod.ParishHall => DataProtection.DisclosureKind.ParishHallReport,
                    _ => DataProtection.DisclosureKind.Document,
                };
                db.Disclosures.Add(DataProtection.Disclosure.Record(personId, document.CaseId, kind, document.Title, recipient, sentBy, input.SentOn ?? today,
                    $"Document:{document.Id}", user.DisplayNameOf(), now));
            }
        }, Document.StaleMessage, ct, wholeRecordRulesRefuse: true);

    /// <summary>
    /// Someone whose processing is restricted (and no exception running) among the people a document shows: the one it is
    /// about (or everyone on the case, for a case letter) and each victim whose views it carries. Null when there is none.
    /// </summary>
    public async Task<People.Person?> RestrictedInAsync(Document document, DateTime now, CancellationToken ct)
    {
        var shown = document.PersonId is { } one ? [one] : await db.CaseParticipants.Where(p => p.CaseId == document.CaseId).Select(p => p.PersonId).ToListAsync(ct);
        shown.AddRange((await SharedViewsAsync(document, ct)).Select(v => v.Victim.PersonId));
        var restricted = await db.People.AsNoTracking().Where(p => shown.Contains(p.Id) && p.RestrictedSince != null).ToListAsync(ct);
        return restricted.FirstOrDefault(p => p.IsRestrictedAt(now));
    }

    /// <summary>A PDF of the document: the one kept when it was sent, else made now.</summary>
    public async Task<PdfResult> PdfOfAsync(Document document, CancellationToken ct) =>
        document.SentPdf is { } kept ? new PdfResult(kept, null) : await pdf.ToPdfAsync(document.Content, ct);

    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>Everyone a document is about, for the audit trail: its person, and each victim whose views it includes.</summary>
    public async Task<IReadOnlyList<Guid>> PeopleInAsync(Document document, CancellationToken ct)
    {
        var ids = document.IncludedViewIds;
        var victims = ids.Count == 0 ? []
            : await db.Victims.Where(v => v.Views.Any(w => ids.Contains(w.Id))).Select(v => v.PersonId).ToListAsync(ct);
        return (document.PersonId is { } person ? victims.Prepend(person) : victims).Distinct().ToList();
    }

    /// <summary>Why an uploaded file cannot be a document or template: too big, not a .docx, macros, embedded code. Null when it can.</summary>
    public string? UploadProblem(string? fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return "Choose a Word document (.docx) to upload";
        }

        if (content.Length > settings.MaxUploadMegabytes * 1024L * 1024L)
        {
            return $"The file must be smaller than {settings.MaxUploadMegabytes} MB";
        }

        if (!string.Equals(Path.GetExtension(fileName), ".docx", StringComparison.OrdinalIgnoreCase))
        {
            return "The file must be a Word document (.docx); macro-enabled files (.docm) are not accepted";
        }

        // Word's own reading first: it names the problem (macros, embedded objects, unsafe fields) more exactly.
        if (WordTemplate.Inspect(content) is { IsUsable: false } shape)
        {
            return shape.Problems[0];
        }

        return AttachmentCheck.Check(fileName, content, content.Length).Error;
    }

    private static ContactMethod? ContactMethodOf(SendMethod method) => method switch
    {
        SendMethod.Post => ContactMethod.Letter,
        SendMethod.Email => ContactMethod.Email,
        SendMethod.ByHand => ContactMethod.Visit,
        _ => null,
    };

    private async Task<IReadOnlyList<(Victim Victim, VictimViews Views)>> SharedViewsAsync(Document document, CancellationToken ct)
    {
        var ids = document.IncludedViewIds;
        if (ids.Count == 0)
        {
            return [];
        }

        var victims = await db.Victims.AsSplitQuery().Where(v => v.Views.Any(w => ids.Contains(w.Id))).ToListAsync(ct);
        foreach (var victim in victims.Where(v => !v.Agreed(ChoiceKind.ShareViews)))
        {
            throw new DomainRuleException(
                "A victim whose views are in this report no longer agrees to their views being shared. Make the report again: their views will be left out.");
        }

        return victims.SelectMany(v => v.Views.Where(w => ids.Contains(w.Id)).Select(w => (v, w))).ToList();
    }
}
