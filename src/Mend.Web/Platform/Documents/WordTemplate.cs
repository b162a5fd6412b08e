using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Mend.Web.Platform.Documents;

/// <summary>A field as a template uses it, with the repeating section it sits in (null at the top level).</summary>
public sealed record FieldUsage(TemplateField Field, string? InList);

/// <summary>What a DOCX template holds, or why it cannot be used.</summary>
public sealed record TemplateShape(IReadOnlyList<FieldUsage> Fields, IReadOnlyList<string> Problems)
{
    public bool IsUsable => Problems.Count == 0;
}

/// <summary>
/// Reading and filling Word templates with <c>DocumentFormat.OpenXml</c>. A field is a content control whose tag names
/// it, or a MERGEFIELD; both are filled from <see cref="TemplateValues"/> and then removed, so the document holds only
/// text. Nothing in a template is ever run: macro-enabled files, embedded code and objects, and fields that fetch or
/// run anything are refused by <see cref="Inspect"/>.
/// </summary>
public static class WordTemplate
{
    /// <summary>Word field codes a template may hold besides MERGEFIELD: page numbering and references within the document.</summary>
    public static readonly IReadOnlySet<string> SafeFieldCodes =
        new HashSet<string>(["MERGEFIELD", "PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "REF", "SEQ", "TOC", "HYPERLINK", "DATE"],
            StringComparer.OrdinalIgnoreCase);

    /// <summary>The most a Word file may hold once unzipped, and in any one part (characters): beyond that it is refused, not read.</summary>
    public const long MostUnzippedBytes = 200L * 1024 * 1024;

    private static readonly OpenSettings Reading = new() { MaxCharactersInPart = 50L * 1024 * 1024 };

    /// <summary>
    /// Opens a template and lists its fields; <see cref="TemplateShape.Problems"/> says, in words for the person who
    /// uploaded it, why it cannot be used (not a Word document, macros, embedded code or objects, an unsafe field).
    /// </summary>
    public static TemplateShape Inspect(byte[] content)
    {
        var problems = new List<string>();
        var fields = new List<FieldUsage>();
        if (ExpandsTooFar(content) is { } tooBig)
        {
            return new TemplateShape([], [tooBig]);
        }

        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, Reading);
            if (document.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate)
            {
                problems.Add("The file is a macro-enabled Word file (.docm or .dotm). Save it as a Word document (.docx) without macros");
            }

            if (document.MainDocumentPart?.Document?.Body is null)
            {
                return new TemplateShape([], ["The file has no document body: save it again from Word as a .docx"]);
            }

            foreach (var part in AllParts(document))
            {
                if (part is VbaProjectPart or VbaDataPart)
                {
                    problems.Add("The file contains macros (Visual Basic code). Save it as a Word document (.docx) without macros");
                }
                else if (part is EmbeddedControlPersistencePart or EmbeddedControlPersistenceBinaryDataPart or EmbeddedObjectPart or EmbeddedPackagePart
                         or AlternativeFormatImportPart or WebExtensionPart or WebExTaskpanesPart)
                {
                    problems.Add("The file contains an embedded object, control, add-in or document. Remove it and upload the file again");
                }

                // A link to another file or a web address (a linked picture, a remote template, a sub-document) is fetched when
                // the file is opened; only hyperlinks, which nothing follows by itself, may point outside.
                if (part.ExternalRelationships.Any(r => !(part is DocumentSettingsPart && r.RelationshipType.EndsWith("/attachedTemplate", StringComparison.Ordinal))))
                {
                    problems.Add("The file links to another file or a web address (a linked picture, object or document). Insert it into the document instead");
                }
            }

            foreach (var root in AllParts(document).Select(p => p.RootElement).OfType<OpenXmlPartRootElement>()
                         .Where(r => r is W.Document or Header or Footer or Footnotes or Endnotes or Comments or GlossaryDocument))
            {
                Collect(root, fields, problems);
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException
                                       or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return new TemplateShape([], ["The file is not a Word document Mend can read: open it in Word and save it as a .docx"]);
        }

        return new TemplateShape(fields.Distinct().ToList(), problems.Distinct().ToList());
    }

    /// <summary>
    /// Fills a template inspected as usable: every field in the body, headers and footers gets its value (an unknown
    /// value is left empty), repeating sections are repeated per item, conditional sections kept or dropped, and the
    /// field markers removed. Also drops mail-merge settings and a link to an attached template. Returns the DOCX.
    /// </summary>
    public static byte[] Fill(byte[] template, TemplateValues values)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true, Reading))
        {
            foreach (var root in Roots(document))
            {
                Fill(root, values);
                Tidy(root);
            }

            StripLinks(document);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A Word file as uploaded for keeping (an edited draft), with its mail-merge settings and the link to its attached
    /// template removed, so opening it never reaches for another file. Inspect it first.
    /// </summary>
    public static byte[] Clean(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true, Reading))
        {
            StripLinks(document);
        }

        return stream.ToArray();
    }

    private static void StripLinks(WordprocessingDocument document)
    {
        if (document.MainDocumentPart!.DocumentSettingsPart is { Settings: { } settings } settingsPart)
        {
            settings.GetFirstChild<MailMerge>()?.Remove();
            settings.GetFirstChild<AttachedTemplate>()?.Remove();
            foreach (var external in settingsPart.ExternalRelationships.ToList())
            {
                settingsPart.DeleteExternalRelationship(external);
            }
        }
    }

    /// <summary>The text of a DOCX, paragraph by paragraph (tables row by row, cells separated by tabs), for previews and tests.</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false, Reading);
        var lines = new List<string>();
        foreach (var block in document.MainDocumentPart!.Document!.Body!.Descendants().Where(e => e is Paragraph or TableRow))
        {
            if (block is TableRow row)
            {
                lines.Add(string.Join("\t", row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(TextOf)))));
            }
            else if (block.Ancestors<TableRow>().FirstOrDefault() is null)
            {
                lines.Add(TextOf(block));
            }
        }

        return lines;
    }

    /// <summary>A paragraph's text, line breaks as "\n".</summary>
    public static string TextOf(OpenXmlElement paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            W.Text t => t.Text,
            Break => "\n",
            TabChar => "\t",
            _ => "",
        }));

    /// <summary>Why a zip would expand too far to read safely (a "zip bomb"), judged from its directory before anything is unzipped.</summary>
    private static string? ExpandsTooFar(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            return zip.Entries.Sum(e => e.Length) > MostUnzippedBytes || zip.Entries.Count > 10_000
                ? "The file expands to more than 200 MB when opened, far more than any letter or report: save it again from Word"
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // Not a zip at all: the Word reader says so in its own words.
        }
    }

    private static IEnumerable<OpenXmlPart> AllParts(WordprocessingDocument document)
    {
        var seen = new HashSet<OpenXmlPart>();
        var queue = new Queue<OpenXmlPart>(document.Parts.Select(p => p.OpenXmlPart));
        while (queue.TryDequeue(out var part))
        {
            if (!seen.Add(part))
            {
                continue;
            }

            yield return part;
            foreach (var child in part.Parts)
            {
                queue.Enqueue(child.OpenXmlPart);
            }
        }
    }

    private static IEnumerable<OpenXmlElement> Roots(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart!;
        yield return main.Document!.Body!;
        foreach (var header in main.HeaderParts)
        {
            if (header.Header is { } h)
            {
                yield return h;
            }
        }

        foreach (var footer in main.FooterParts)
        {
            if (footer.Footer is { } f)
            {
                yield return f;
            }
        }

        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            yield return footnotes;
        }

        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            yield return endnotes;
        }
    }

    /// <summary>
    /// Keeps the document valid once sections are gone: a cell always holds a paragraph, and a table left with no rows
    /// (every row was a repeated or conditional one, with nothing to show) is removed.
    /// </summary>
    private static void Tidy(OpenXmlElement root)
    {
        foreach (var cell in root.Descendants<TableCell>().Where(c => !c.Elements<Paragraph>().Any() && !c.Elements<Table>().Any()).ToList())
        {
            cell.Append(new Paragraph());
        }

        foreach (var table in root.Descendants<Table>().Where(t => !t.Elements<TableRow>().Any()).ToList())
        {
            table.Remove();
        }
    }

    private static TemplateField? FieldOf(SdtElement sdt) =>
        TemplateField.FromTag(sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value);

    private static OpenXmlElement? ContentOf(SdtElement sdt) => sdt.ChildElements.FirstOrDefault(e => e.LocalName == "sdtContent");

    private static void Collect(OpenXmlElement root, List<FieldUsage> fields, List<string> problems)
    {
        foreach (var sdt in root.Descendants<SdtElement>())
        {
            if (FieldOf(sdt) is { } field)
            {
                fields.Add(new FieldUsage(field, ListAround(sdt)));
            }
        }

        foreach (var simple in root.Descendants<SimpleField>())
        {
            Check(simple.Instruction?.Value ?? "", simple, nested: simple.Ancestors<SimpleField>().Any(), fields, problems);
        }

        // Every complex field at every depth, across paragraphs: a field inside another, or in a field's result, is checked too.
        var open = new Stack<(Run Begin, System.Text.StringBuilder Code, bool Separated, Paragraph? In)>();
        foreach (var run in root.Descendants<Run>())
        {
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case FieldChar { FieldCharType.Value: var kind } when kind == FieldCharValues.Begin:
                        open.Push((run, new System.Text.StringBuilder(), false, run.Ancestors<Paragraph>().FirstOrDefault()));
                        break;
                    case FieldChar { FieldCharType.Value: var kind } when kind == FieldCharValues.Separate && open.Count > 0:
                        var top = open.Pop();
                        open.Push(top with { Separated = true });
                        break;
                    case FieldChar { FieldCharType.Value: var kind } when kind == FieldCharValues.End && open.Count > 0:
                        var field = open.Pop();
                        var instruction = field.Code.ToString();
                        Check(instruction, field.Begin, nested: open.Count > 0, fields, problems);
                        if (TemplateField.FromInstruction(instruction) is not null && field.In != run.Ancestors<Paragraph>().FirstOrDefault())
                        {
                            problems.Add("A MERGEFIELD runs over more than one paragraph: keep each within one paragraph");
                        }

                        break;
                    case FieldCode code when open.Count > 0 && !open.Peek().Separated:
                        open.Peek().Code.Append(code.Text);
                        break;
                }
            }
        }

        if (open.Count > 0)
        {
            problems.Add("The file has a Word field that is never closed: open it in Word and save it again");
        }
    }

    private static void Check(string instruction, OpenXmlElement at, bool nested, List<FieldUsage> fields, List<string> problems)
    {
        var code = instruction.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (TemplateField.FromInstruction(instruction) is { } field)
        {
            fields.Add(new FieldUsage(field, ListAround(at)));
            if (nested)
            {
                problems.Add($"The MERGEFIELD {field.Name} sits inside another Word field: move it out, or use a content control");
            }
        }
        else if (code.Length > 0 && !SafeFieldCodes.Contains(code))
        {
            problems.Add($"The template has a Word field Mend does not allow ({code.ToUpperInvariant()}): use content controls or MERGEFIELD fields only");
        }
    }

    private static string? ListAround(OpenXmlElement element) =>
        element.Ancestors<SdtElement>().Select(FieldOf).FirstOrDefault(f => f?.Use == FieldUse.Each)?.Name;

    private static void Fill(OpenXmlElement scope, TemplateValues values)
    {
        while (scope.Descendants<SdtElement>().FirstOrDefault(s => FieldOf(s) is not null) is { } sdt)
        {
            var field = FieldOf(sdt)!;
            switch (field.Use)
            {
                case FieldUse.Each:
                    Repeat(sdt, values.Items(field.Name) ?? []);
                    break;
                case FieldUse.If or FieldUse.Unless:
                    if ((values.Condition(field.Name) ?? false) == (field.Use == FieldUse.If))
                    {
                        Unwrap(sdt);
                    }
                    else
                    {
                        sdt.Remove();
                    }

                    break;
                default:
                    SetText(sdt, values.Value(field.Name) ?? "");
                    Unwrap(sdt);
                    break;
            }
        }

        foreach (var simple in scope.Descendants<SimpleField>().ToList())
        {
            if (TemplateField.FromInstruction(simple.Instruction?.Value ?? "") is { } field)
            {
                simple.InsertBeforeSelf(MakeRun(simple.Descendants<RunProperties>().FirstOrDefault(), values.Value(field.Name) ?? ""));
                simple.Remove();
            }
        }

        foreach (var paragraph in scope.Descendants<Paragraph>().ToList())
        {
            foreach (var (begin, runs, instruction, result) in ComplexFields(paragraph).ToList())
            {
                if (TemplateField.FromInstruction(instruction) is { } field)
                {
                    begin.InsertBeforeSelf(MakeRun((result ?? begin).RunProperties, values.Value(field.Name) ?? ""));
                    foreach (var run in runs)
                    {
                        run.Remove();
                    }
                }
            }
        }
    }

    private static void Repeat(SdtElement sdt, IReadOnlyList<TemplateValues> items)
    {
        var content = ContentOf(sdt);
        foreach (var item in items)
        {
            var holder = new Body();
            foreach (var child in content?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
            {
                holder.Append(child.CloneNode(true));
            }

            Fill(holder, item);
            foreach (var child in holder.ChildElements.ToList())
            {
                child.Remove();
                sdt.InsertBeforeSelf(child);
            }
        }

        sdt.Remove();
    }

    private static void Unwrap(SdtElement sdt)
    {
        if (ContentOf(sdt) is { } content)
        {
            foreach (var child in content.ChildElements.ToList())
            {
                child.Remove();
                sdt.InsertBeforeSelf(child);
            }
        }

        sdt.Remove();
    }

    private static void SetText(SdtElement sdt, string text)
    {
        if (ContentOf(sdt) is not { } content)
        {
            return;
        }

        var properties = content.Descendants<RunProperties>().FirstOrDefault();
        if (content is SdtContentRun)
        {
            content.RemoveAllChildren();
            content.Append(MakeRun(properties, text));
            return;
        }

        var paragraph = content.Descendants<Paragraph>().FirstOrDefault();
        if (paragraph is null)
        {
            return;
        }

        var container = paragraph.Parent!;
        foreach (var other in container.Elements<Paragraph>().Where(p => p != paragraph).ToList())
        {
            other.Remove();
        }

        foreach (var child in paragraph.ChildElements.Where(c => c is not ParagraphProperties).ToList())
        {
            child.Remove();
        }

        paragraph.Append(MakeRun(properties, text));
    }

    private static Run MakeRun(RunProperties? properties, string text)
    {
        var run = new Run();
        if (properties?.CloneNode(true) is RunProperties copy)
        {
            // A control showing its placeholder is styled as such; the value is ordinary text.
            copy.RunStyle?.Remove();
            if (copy.HasChildren)
            {
                run.Append(copy);
            }
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>
    /// The complex fields of a paragraph at its top level (begin, separate, end in one paragraph), with every run from
    /// begin to end, the instruction put together from however many runs Word split it across, and the first result run.
    /// </summary>
    private static IEnumerable<(Run Begin, List<Run> Runs, string Instruction, Run? Result)> ComplexFields(Paragraph paragraph)
    {
        var runs = paragraph.Descendants<Run>().ToList();
        var i = 0;
        while (i < runs.Count)
        {
            if (runs[i].GetFirstChild<FieldChar>()?.FieldCharType?.Value != FieldCharValues.Begin)
            {
                i++;
                continue;
            }

            var depth = 1;
            var separate = -1;
            var instruction = string.Concat(runs[i].Elements<FieldCode>().Select(c => c.Text));
            var j = i + 1;
            for (; j < runs.Count; j++)
            {
                var kind = runs[j].GetFirstChild<FieldChar>()?.FieldCharType?.Value;
                if (kind == FieldCharValues.Begin)
                {
                    depth++;
                }
                else if (kind == FieldCharValues.Separate && depth == 1)
                {
                    separate = j;
                }
                else if (kind == FieldCharValues.End && --depth == 0)
                {
                    break;
                }

                if (depth == 1 && separate < 0)
                {
                    instruction += string.Concat(runs[j].Elements<FieldCode>().Select(c => c.Text));
                }
            }

            if (j >= runs.Count)
            {
                yield break;
            }

            var result = separate >= 0 && separate + 1 < j ? runs[separate + 1] : null;
            yield return (runs[i], runs.GetRange(i, j - i + 1), instruction, result);
            i = j + 1;
        }
    }
}
