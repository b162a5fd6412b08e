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

    /// <summary>
    /// Opens a template and lists its fields; <see cref="TemplateShape.Problems"/> says, in words for the person who
    /// uploaded it, why it cannot be used (not a Word document, macros, embedded code or objects, an unsafe field).
    /// </summary>
    public static TemplateShape Inspect(byte[] content)
    {
        var problems = new List<string>();
        var fields = new List<FieldUsage>();
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
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
                         or AlternativeFormatImportPart)
                {
                    problems.Add("The file contains an embedded object, control or document. Remove it and upload the template again");
                }
            }

            foreach (var root in Roots(document))
            {
                Collect(root, fields, problems);
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException
                                       or System.Xml.XmlException or ArgumentException)
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
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            foreach (var root in Roots(document))
            {
                Fill(root, values);
            }

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

        return stream.ToArray();
    }

    /// <summary>The text of a DOCX, paragraph by paragraph (tables row by row, cells separated by tabs), for previews and tests.</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);
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
            Check(simple.Instruction?.Value ?? "", simple, fields, problems);
        }

        foreach (var paragraph in root.Descendants<Paragraph>())
        {
            foreach (var (begin, _, instruction, _) in ComplexFields(paragraph))
            {
                Check(instruction, begin, fields, problems);
            }
        }
    }

    private static void Check(string instruction, OpenXmlElement at, List<FieldUsage> fields, List<string> problems)
    {
        var code = instruction.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (TemplateField.FromInstruction(instruction) is { } field)
        {
            fields.Add(new FieldUsage(field, ListAround(at)));
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
