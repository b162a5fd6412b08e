using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Mend.Web.Platform.Documents;

/// <summary>
/// Writes a Word template from a short plain-text source, so the starter templates are readable (and reviewable) in
/// the repository and arrive in Word as ordinary documents with content controls a service can edit. The source:
/// <list type="bullet">
/// <item>a blank line ends a paragraph; lines within one are kept as line breaks;</item>
/// <item><c>{victim.name}</c> is a field (a content control tagged with its name);</item>
/// <item><c># Heading</c> is a heading; <c>- text</c> a bulleted line;</item>
/// <item><c>[if name]</c> … <c>[/if]</c>, <c>[unless name]</c> … <c>[/unless]</c> and <c>[each list]</c> … <c>[/each]</c> wrap paragraphs in a section;</item>
/// <item><c>[table list: Heading | Heading]</c> followed by one line <c>{a} | {b}</c> is a table with a row per item.</item>
/// </list>
/// The header carries <paramref name="marking"/> (e.g. OFFICIAL-SENSITIVE), the footer "Page N of M".
/// </summary>
public static partial class TemplateWriter
{
    public static byte[] Write(string source, string marking)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var stack = new Stack<OpenXmlCompositeElement>();
            stack.Push(body);
            var paragraph = new List<string>();

            void Flush()
            {
                if (paragraph.Count > 0)
                {
                    stack.Peek().Append(Paragraph(paragraph));
                    paragraph.Clear();
                }
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd();
                if (SectionStart().Match(line) is { Success: true } start)
                {
                    Flush();
                    var tag = start.Groups[1].Value + ":" + start.Groups[2].Value.Trim();
                    var content = new SdtContentBlock();
                    stack.Peek().Append(new SdtBlock(new SdtProperties(new SdtAlias { Val = tag }, new Tag { Val = tag }), content));
                    stack.Push(content);
                }
                else if (SectionEnd().IsMatch(line))
                {
                    Flush();
                    if (stack.Count > 1)
                    {
                        stack.Pop();
                    }
                }
                else if (TableStart().Match(line) is { Success: true } table && i + 1 < lines.Length)
                {
                    Flush();
                    stack.Peek().Append(Table(table.Groups[1].Value.Trim(), table.Groups[2].Value.Split('|'), lines[++i].Split('|')));
                }
                else if (line.Length == 0)
                {
                    Flush();
                }
                else if (line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal))
                {
                    Flush();
                    stack.Peek().Append(line[0] == '#' ? Paragraph([line[2..]], "Heading2") : Paragraph(["•\u00a0" + line[2..]], "ListBullet"));
                }
                else
                {
                    paragraph.Add(line);
                }
            }

            Flush();
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = AddHeader(main, marking) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = AddFooter(main) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 }));
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph whose text may hold fields in braces; lines become line breaks.</summary>
    private static Paragraph Paragraph(IReadOnlyList<string> lines, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        for (var l = 0; l < lines.Count; l++)
        {
            if (l > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            var at = 0;
            foreach (Match field in Field().Matches(lines[l]))
            {
                if (field.Index > at)
                {
                    paragraph.Append(TextRun(lines[l][at..field.Index]));
                }

                var name = field.Groups[1].Value;
                paragraph.Append(new SdtRun(
                    new SdtProperties(new SdtAlias { Val = name }, new Tag { Val = name }, new ShowingPlaceholder()),
                    new SdtContentRun(new Run(new RunProperties(new RunStyle { Val = "PlaceholderText" }), new W.Text($"[{name}]") { Space = SpaceProcessingModeValues.Preserve }))));
                at = field.Index + field.Length;
            }

            if (at < lines[l].Length)
            {
                paragraph.Append(TextRun(lines[l][at..]));
            }
        }

        return paragraph;
    }

    private static Run TextRun(string text) => new(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Table Table(string list, string[] headings, string[] cells)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(headings.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new W.Text(h.Trim()))))));
        table.Append(header);
        var row = new TableRow(cells.Select(c => new TableCell(Paragraph([c.Trim()]))));
        var tag = TemplateField.EachPrefix + list;
        table.Append(new SdtRow(new SdtProperties(new SdtAlias { Val = tag }, new Tag { Val = tag }), new SdtContentRow(row)));
        return table;
    }

    private static string AddHeader(MainDocumentPart main, string marking)
    {
        var part = main.AddNewPart<HeaderPart>();
        part.Header = new Header(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new Bold()), new W.Text(marking))));
        return main.GetIdOfPart(part);
    }

    private static string AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun("Page "), new SimpleField(TextRun("1")) { Instruction = " PAGE " }, TextRun(" of "),
            new SimpleField(TextRun("1")) { Instruction = " NUMPAGES " }));
        return main.GetIdOfPart(part);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "24" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "200", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "heading 2" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "28" }))
            { Type = StyleValues.Paragraph, StyleId = "Heading2" },
            new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Indentation { Left = "360", Hanging = "360" }, new SpacingBetweenLines { After = "80" }))
            { Type = StyleValues.Paragraph, StyleId = "ListBullet" },
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" },
            new Style(new StyleName { Val = "Placeholder Text" }, new StyleRunProperties(new Color { Val = "1D70B8" })) { Type = StyleValues.Character, StyleId = "PlaceholderText" });
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_.]*)\}")]
    private static partial Regex Field();

    [GeneratedRegex(@"^\[(if|unless|each) ([^\]]+)\]$")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"^\[/(if|unless|each)\]$")]
    private static partial Regex SectionEnd();

    [GeneratedRegex(@"^\[table ([^:\]]+):([^\]]+)\]$")]
    private static partial Regex TableStart();
}
