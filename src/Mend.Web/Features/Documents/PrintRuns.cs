using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Documents;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Writer;

namespace Mend.Web.Features.Documents;

/// <summary>
/// The letters due today made together as one print run: each letter is its own document, recorded against its child
/// and order (and, when posted today, sent by post with its PDF kept), and the run prints as one PDF.
/// </summary>
public sealed class PrintRuns(MendDb db, LettersDue due, DocumentValues values, PdfConverter pdf, AuditTrail audit, TimeProvider clock)
{
    /// <param name="Letters">The letters chosen, as <see cref="DueLetter.Key"/>.</param>
    /// <param name="Posted">Record each as sent by post today, to the young person.</param>
    public sealed record RunInput(IReadOnlyList<string>? Letters, bool Posted);

    /// <summary>Makes the chosen letters due, all or none; the run's id.</summary>
    public async Task<Outcome<Guid>> MakeAsync(ClaimsPrincipal user, RunInput input, CancellationToken ct)
    {
        var chosen = (input.Letters ?? []).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count == 0)
        {
            return Outcome<Guid>.Invalid("letters", "Choose at least one letter");
        }

        var letters = (await due.ForAsync(user, ct)).Where(l => chosen.Contains(l.Key)).ToList();
        if (letters.Count != chosen.Count)
        {
            return Outcome<Guid>.Invalid("letters", "Some of those letters are no longer due (someone may have made them already); check the list again");
        }

        var templateIds = letters.Select(l => l.TemplateId).Distinct().ToList();
        var templates = await db.DocumentTemplates.Include(t => t.Versions).Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var runId = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.LondonToday();
        var made = new List<(Document Document, string Recipient)>();
        foreach (var letter in letters)
        {
            var data = await values.ForAsync(user, DocumentSubject.Order, letter.OrderId, ct);
            if (data is null)
            {
                return Outcome<Guid>.NotFound();
            }

            var template = templates[letter.TemplateId];
            var document = Document.Make(data.CaseId, DocumentSubject.Order, letter.OrderId, data.PersonId, $"{template.Name}: {data.About}", template,
                WordTemplate.Fill(template.Current.Content, data.Values), [], user.DisplayNameOf(), now, letter.Occasion);
            document.InRun(runId);
            made.Add((document, letter.Child));
        }

        // The PDF each posted letter is kept with is made before anything is saved (as many at once as the converter
        // allows), so a slow converter holds no lock; if one cannot be made, nothing is saved and the worker is told.
        var pdfs = input.Posted && pdf.IsAvailable ? await Task.WhenAll(made.Select(m => pdf.ToPdfAsync(m.Document.Content, ct))) : [];
        if (pdfs.FirstOrDefault(p => p.Failure is not null) is { } failed)
        {
            return Outcome<Guid>.Refused(failed.Message + ". No letter was made; try the run again");
        }

        for (var i = 0; i < made.Count; i++)
        {
            var (document, recipient) = made[i];
            db.Documents.Add(document);
            if (input.Posted)
            {
                document.Send(SendMethod.Post, recipient, today, pdfs.Length > i ? pdfs[i].Pdf : null, user.DisplayNameOf(), now, today);
                audit.Record(AuditAction.Disclosure, nameof(Document), document.Id.ToString(), subjectPersonId: document.PersonId,
                    purpose: $"{document.Title}: post to {recipient} (print run)");
            }
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Done(runId);
    }

    /// <summary>The run's letters as one PDF, in the order they were made; a failure when a letter cannot be made into a PDF.</summary>
    public async Task<PdfResult> PdfAsync(IReadOnlyList<Document> documents, CancellationToken ct)
    {
        var parts = new List<byte[]>();
        foreach (var document in documents)
        {
            var part = document.SentPdf is { } kept ? new PdfResult(kept, null) : await pdf.ToPdfAsync(document.Content, ct);
            if (part.Failure is not null)
            {
                return part;
            }

            parts.Add(part.Pdf!);
        }

        return new PdfResult(PdfMerger.Merge(parts), null);
    }
}
