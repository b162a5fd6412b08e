using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Mend.Web.Platform;
using Mend.Web.Platform.Documents;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Makes a subject-access bundle: a ZIP holding one PDF of everything Mend holds about the person (their details, cases,
/// notes, victim's records, assessments, who it was given to, how long it is kept), and each letter or Word file as its
/// own PDF. Every detail the officer chose to keep out is replaced, wherever it appears, by "[withheld: reason]"; the
/// bundle never shows the text withheld. Uploaded PDFs and images cannot be searched for other people's details, so they
/// are withheld and listed, for the officer to add a copy redacted by hand.
/// </summary>
public sealed class AccessBundle(PdfConverter pdf)
{
    public const string MainFile = "subject-access-bundle.pdf";

    /// <exception cref="DomainRuleException">PDFs cannot be made on this server (LibreOffice missing or failing).</exception>
    public async Task<byte[]> MakeAsync(SubjectAccessRequest request, WhatIsHeld.Holding holding, DateTime now, CancellationToken ct)
    {
        var redact = Redactor(request.Redactions);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var withheld = new List<string>();
            var n = 0;
            foreach (var file in holding.Files)
            {
                if (!file.ContentType.Contains("wordprocessingml", StringComparison.Ordinal))
                {
                    withheld.Add($"{redact(file.Name)} ({file.About}): an uploaded PDF or image cannot be checked for other people's details automatically, so it is not included.");
                    continue;
                }

                var made = await ToPdfAsync(RedactWord(file.Content, redact), ct);
                await AddAsync(archive, $"files/{++n:00}-{Path.GetFileNameWithoutExtension(redact(file.Name))}.pdf", made, ct);
            }

            await AddAsync(archive, MainFile, await ToPdfAsync(Summary(request, holding, redact, withheld, now), ct), ct);
        }

        return zip.ToArray();
    }

    private async Task<byte[]> ToPdfAsync(byte[] docx, CancellationToken ct)
    {
        var made = await pdf.ToPdfAsync(docx, ct);
        return made.Pdf ?? throw new DomainRuleException($"The bundle could not be made as PDF: {made.Message}. Ask your administrator to check LibreOffice on the server");
    }

    private static async Task AddAsync(ZipArchive archive, string name, byte[] content, CancellationToken ct)
    {
        await using var entry = await archive.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await entry.WriteAsync(content, ct);
    }

    /// <summary>Replaces each withheld detail, longest first, whole words only and ignoring case, with "[withheld: reason]".</summary>
    public static Func<string, string> Redactor(IEnumerable<Redaction> redactions)
    {
        var rules = redactions.OrderByDescending(r => r.Text.Length)
            .Select(r => (Pattern: new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(r.Text)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
                Label: $"[withheld: {Short(r.Reason)}]")).ToList();
        return text => rules.Aggregate(text, (current, rule) => rule.Pattern.Replace(current, rule.Label));
    }

    public static string Short(RedactionReason reason) => reason switch
    {
        RedactionReason.OtherPersonsData => "another person's information",
        RedactionReason.CrimePrevention => "prevention or detection of crime",
        RedactionReason.SeriousHarm => "risk of serious harm",
        _ => "legal professional privilege",
    };

    private static byte[] Summary(SubjectAccessRequest request, WhatIsHeld.Holding holding, Func<string, string> redact, List<string> withheld, DateTime now)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para("What we hold about you", "Title"));
            body.Append(Para($"In answer to the request received on {request.ReceivedOn.ToGovUkDate()} ({SubjectAccessDeadline.For(request.Regime).Name}). Made on {now.ToLondon()}."));
            body.Append(Para("Where a detail about someone else, or one the law lets us keep back, appears in your records it is shown as [withheld: the reason]."));
            foreach (var section in holding.Sections)
            {
                body.Append(Para(section.Title, "Heading1"));
                if (section.Entries.Count == 0)
                {
                    body.Append(Para("Nothing held."));
                }

                foreach (var entry in section.Entries)
                {
                    body.Append(Para(redact(entry.Heading), "Heading2"));
                    foreach (var fact in entry.Facts.Where(f => f.Value.Length > 0))
                    {
                        body.Append(Para($"{fact.Label}: {redact(fact.Value)}"));
                    }

                    if (entry.Text is { Length: > 0 } text)
                    {
                        foreach (var line in text.Split('\n'))
                        {
                            body.Append(Para(redact(line.TrimEnd('\r'))));
                        }
                    }
                }
            }

            if (withheld.Count > 0)
            {
                body.Append(Para("Files not included", "Heading1"));
                foreach (var line in withheld)
                {
                    body.Append(Para(line));
                }
            }

            var reasons = request.Redactions.GroupBy(r => r.Reason).ToList();
            body.Append(Para("Why some details are withheld", "Heading1"));
            body.Append(Para(reasons.Count == 0 ? "Nothing has been withheld." : "Details were withheld for these reasons:"));
            foreach (var group in reasons)
            {
                body.Append(Para(SubjectAccessRequest.Describe(group.Key)));
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            if (style != "Title")
            {
                paragraph.GetFirstChild<Run>()!.PrependChild(new RunProperties(new Bold(), new FontSize { Val = style == "Heading1" ? "32" : "26" }));
            }
            else
            {
                paragraph.GetFirstChild<Run>()!.PrependChild(new RunProperties(new Bold(), new FontSize { Val = "44" }));
            }
        }

        return paragraph;
    }

    /// <summary>A Word file with the withheld details replaced: each paragraph's text is redacted as a whole (so a name split across runs is still found) and kept in its first run.</summary>
    private static byte[] RedactWord(byte[] docx, Func<string, string> redact)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var word = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = word.MainDocumentPart!;
            var parts = new List<OpenXmlPart> { main };
            parts.AddRange(main.HeaderParts);
            parts.AddRange(main.FooterParts);
            parts.AddRange(new OpenXmlPart?[] { main.FootnotesPart, main.EndnotesPart, main.WordprocessingCommentsPart }.OfType<OpenXmlPart>());

            // The file's own properties (title, author, last saved by) reach the PDF: they go.
            if (word.PackageProperties is { } properties)
            {
                (properties.Title, properties.Subject, properties.Creator, properties.LastModifiedBy, properties.Description, properties.Keywords) = (null, null, null, null, null, null);
            }

            // Tracked deletions still hold the deleted text; accept them by removing it.
            foreach (var deleted in parts.SelectMany(p => p.RootElement!.Descendants<DeletedRun>()).ToList())
            {
                deleted.Remove();
            }

            foreach (var paragraph in parts.SelectMany(p => p.RootElement!.Descendants<Paragraph>()))
            {
                var texts = paragraph.Descendants<Text>().ToList();
                if (texts.Count == 0)
                {
                    continue;
                }

                var whole = string.Concat(texts.Select(t => t.Text));
                var redacted = redact(whole);
                if (redacted == whole)
                {
                    continue;
                }

                texts[0].Text = redacted;
                texts[0].Space = SpaceProcessingModeValues.Preserve;
                foreach (var text in texts.Skip(1))
                {
                    text.Text = "";
                }
            }

            foreach (var part in parts)
            {
                part.RootElement!.Save();
            }
        }

        return stream.ToArray();
    }
}
