using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Mend.Web.Platform.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Mend.Tests.Platform.Documents;

/// <summary>Filling Word templates: content controls, split merge fields, repeating and conditional sections, and what is refused.</summary>
public sealed class WordTemplateTests
{
    private const string Letter = """
        {service.name}

        Dear {victim.name},

        [if victim.isYoung]
        Because you are under 18, you are entitled to the enhanced service.
        [/if]
        [unless victim.isYoung]
        You are entitled to the standard service.
        [/unless]
        The offences:
        [each offences]
        - {offence.description} on {offence.date} (case {case.reference})
        [/each]

        [table attendance: Date | Attendance]
        {appointment.date} | {appointment.attendance}

        Yours sincerely,
        {worker.name}
        """;

    private static TemplateValues Values(bool young)
    {
        var values = new TemplateValues().Set("service.name", "Exampletown Youth Justice Service").Set("victim.name", "Alex Morgan")
            .Set("case.reference", "RJ-2026-00001").Set("worker.name", "Sam Patel\nRJ worker").When("victim.isYoung", young);
        values.Add("offences").Set("offence.description", "Criminal damage").Set("offence.date", "3 March 2026");
        values.Add("offences").Set("offence.description", "Theft from a shop").Set("offence.date", "4 March 2026");
        foreach (var (day, attended) in new[] { ("1 April 2026", "Attended"), ("8 April 2026", "Unacceptable absence"), ("15 April 2026", "Attended") })
        {
            values.Add("attendance").Set("appointment.date", day).Set("appointment.attendance", attended);
        }

        return values;
    }

    private static byte[] Docx(Action<Body> build, WordprocessingDocumentType type = WordprocessingDocumentType.Document, Action<MainDocumentPart>? parts = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            build(body);
            parts?.Invoke(main);
        }

        return stream.ToArray();
    }

    private static int Count<T>(byte[] docx) where T : OpenXmlElement
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<T>().Count();
    }

    [Fact]
    public void ATemplate_IsFilled_EveryFieldGivenItsValue_SectionsRepeatedAndChosen_AndNoMarkerLeft()
    {
        var template = TemplateWriter.Write(Letter, "OFFICIAL-SENSITIVE");
        var shape = WordTemplate.Inspect(template);
        Assert.True(shape.IsUsable, string.Join("; ", shape.Problems));
        Assert.Contains(new FieldUsage(new TemplateField(FieldUse.Value, "offence.date"), "offences"), shape.Fields);
        Assert.Contains(new FieldUsage(new TemplateField(FieldUse.If, "victim.isYoung"), null), shape.Fields);

        var filled = WordTemplate.Fill(template, Values(young: true));
        var text = string.Join("\n", WordTemplate.Paragraphs(filled));

        Assert.Contains("Dear Alex Morgan,", text, StringComparison.Ordinal);
        Assert.Contains("entitled to the enhanced service", text, StringComparison.Ordinal);
        Assert.DoesNotContain("standard service", text, StringComparison.Ordinal);
        Assert.Contains("Criminal damage on 3 March 2026 (case RJ-2026-00001)", text, StringComparison.Ordinal);
        Assert.Contains("Theft from a shop on 4 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("8 April 2026\tUnacceptable absence", text, StringComparison.Ordinal);
        Assert.Contains("Sam Patel\nRJ worker", text, StringComparison.Ordinal);
        Assert.Equal(4, Count<TableRow>(filled));
        Assert.Equal(0, Count<SdtElement>(filled));
        Assert.DoesNotContain("[", text, StringComparison.Ordinal);
        Assert.DoesNotContain("standard", string.Join("\n", WordTemplate.Paragraphs(WordTemplate.Fill(template, Values(young: true)))), StringComparison.Ordinal);
        Assert.Contains("standard service", string.Join("\n", WordTemplate.Paragraphs(WordTemplate.Fill(template, Values(young: false)))), StringComparison.Ordinal);
    }

    [Fact]
    public void AMergeFieldWordSplitAcrossRuns_IsStillFilled_AsIsASimpleOne()
    {
        var template = Docx(body => body.Append(
            new Paragraph(
                new Run(new W.Text("Dear ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" MERGEFIELD vic") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new Bold()), new FieldCode("tim.na")),
                new Run(new FieldCode("me \\* MERGEFORMAT ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new RunProperties(new Italic()), new W.Text("«victim.name»")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                new Run(new W.Text(","))),
            new Paragraph(new Run(new W.Text("Case ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new W.Text("«case.reference»"))) { Instruction = " MERGEFIELD case.reference " })));

        Assert.Equal(["case.reference", "victim.name"], WordTemplate.Inspect(template).Fields.Select(f => f.Field.Name).Order());
        var filled = WordTemplate.Fill(template, new TemplateValues().Set("victim.name", "Alex Morgan").Set("case.reference", "RJ-2026-00001"));

        Assert.Equal(["Dear Alex Morgan,", "Case RJ-2026-00001"], WordTemplate.Paragraphs(filled));
        Assert.Equal(0, Count<FieldChar>(filled));
        Assert.Equal(0, Count<FieldCode>(filled));
        Assert.Equal(0, Count<SimpleField>(filled));
        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        Assert.NotNull(document.MainDocumentPart!.Document!.Body!.Descendants<Run>().Single(r => r.InnerText == "Alex Morgan").RunProperties?.Italic);
    }

    [Fact]
    public void AMacroEnabledFile_IsRefused()
    {
        var docm = Docx(body => body.Append(new Paragraph(new Run(new W.Text("Hello")))), WordprocessingDocumentType.MacroEnabledDocument);
        Assert.Contains(WordTemplate.Inspect(docm).Problems, p => p.Contains("macro-enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void EmbeddedObjects_AreRefused()
    {
        var embedded = Docx(body => body.Append(new Paragraph(new Run(new W.Text("Hello")))),
            parts: main => main.AddEmbeddedPackagePart("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").FeedData(new MemoryStream([1, 2, 3])));
        Assert.Contains(WordTemplate.Inspect(embedded).Problems, p => p.Contains("embedded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(" INCLUDETEXT \"C:\\\\secret.docx\" ")]
    [InlineData(" DDEAUTO cmd \"/c calc\" ")]
    [InlineData(" INCLUDEPICTURE \"http://example.com/a.png\" ")]
    public void FieldsThatFetchOrRunAnything_AreRefused_NamingTheField(string instruction)
    {
        var template = Docx(body => body.Append(new Paragraph(new SimpleField(new Run(new W.Text("x"))) { Instruction = instruction })));
        var problem = Assert.Single(WordTemplate.Inspect(template).Problems);
        Assert.Contains(instruction.Trim().Split(' ')[0], problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 0, 0, 0, 0 })]
    public void ABrokenFile_IsRefused_WithoutAnException(byte[] content) =>
        Assert.Contains("not a Word document", Assert.Single(WordTemplate.Inspect(content).Problems), StringComparison.Ordinal);

    [Fact]
    public void PageNumberFields_AreAllowed_AndKept()
    {
        var template = TemplateWriter.Write("Hello {victim.name}", "OFFICIAL");
        Assert.Empty(WordTemplate.Inspect(template).Problems);
        using var document = WordprocessingDocument.Open(new MemoryStream(WordTemplate.Fill(template, new TemplateValues().Set("victim.name", "Alex"))), false);
        Assert.Contains(document.MainDocumentPart!.FooterParts.Single().Footer!.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
    }
    private static Run Begin() => new(new FieldChar { FieldCharType = FieldCharValues.Begin });

    private static Run Separate() => new(new FieldChar { FieldCharType = FieldCharValues.Separate });

    private static Run End() => new(new FieldChar { FieldCharType = FieldCharValues.End });

    private static Run Code(string code) => new(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve });

    private static SdtBlock Block(string tag, params OpenXmlElement[] content) =>
        new(new SdtProperties(new Tag { Val = tag }), new SdtContentBlock(content));

    private static SdtRun Value(string tag) => new(new SdtProperties(new Tag { Val = tag }), new SdtContentRun(new Run(new W.Text("[" + tag + "]"))));

    [Fact]
    public void AnUnsafeFieldInsideASafeOne_OrInAFootnote_IsStillRefused()
    {
        var nested = Docx(body => body.Append(new Paragraph(Begin(), Code(" REF x "), Begin(), Code(" INCLUDETEXT \"\\\\host\\share\\a.docx\" "), End(), Separate(),
            new Run(new W.Text("x")), End())));
        Assert.Contains(WordTemplate.Inspect(nested).Problems, p => p.Contains("INCLUDETEXT", StringComparison.Ordinal));

        var footnote = Docx(body => body.Append(new Paragraph(new Run(new W.Text("Hello")))), parts: main =>
        {
            var part = main.AddNewPart<FootnotesPart>();
            part.Footnotes = new Footnotes(new Footnote(new Paragraph(new SimpleField(new Run(new W.Text("x"))) { Instruction = " DDEAUTO cmd " })) { Id = 1 });
        });
        Assert.Contains(WordTemplate.Inspect(footnote).Problems, p => p.Contains("DDEAUTO", StringComparison.Ordinal));

        var unclosed = Docx(body => body.Append(new Paragraph(Begin(), Code(" PAGE "))));
        Assert.Contains(WordTemplate.Inspect(unclosed).Problems, p => p.Contains("never closed", StringComparison.Ordinal));

        var mergeInLink = Docx(body => body.Append(new Paragraph(Begin(), Code(" HYPERLINK "), Begin(), Code(" MERGEFIELD victim.name "), End(), Separate(), End())));
        Assert.Contains(WordTemplate.Inspect(mergeInLink).Problems, p => p.Contains("inside another Word field", StringComparison.Ordinal));
    }

    [Fact]
    public void ALinkToAnotherFileOrAnImportedDocument_IsRefused()
    {
        var linked = Docx(body => body.Append(new Paragraph(new Run(new W.Text("Hello")))),
            parts: main => main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("http://example.com/track.png")));
        Assert.Contains(WordTemplate.Inspect(linked).Problems, p => p.Contains("links to another file", StringComparison.Ordinal));

        var chunk = Docx(body => body.Append(new Paragraph(new Run(new W.Text("Hello")))),
            parts: main => main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html).FeedData(new MemoryStream("<p>x</p>"u8.ToArray())));
        Assert.Contains(WordTemplate.Inspect(chunk).Problems, p => p.Contains("embedded", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileThatWouldExpandFarTooMuch_IsRefusedBeforeItIsRead()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 210; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(stream.Length < 2 * 1024 * 1024);
        Assert.Contains("more than 200 MB", Assert.Single(WordTemplate.Inspect(stream.ToArray()).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedSections_HeaderFields_CellControls_AndMergeFieldsInRepeatedRows_AreFilled_AndAnEmptiedTableIsRemoved()
    {
        var template = Docx(body =>
        {
            body.Append(Block("each:offences", new Paragraph(Value("offence.description")), Block("if:case.isJersey", new Paragraph(new Run(new W.Text("Jersey wording"))))));
            body.Append(new Table(
                new TableRow(new TableCell(new Paragraph(new Run(new W.Text("Date"))))),
                new SdtRow(new SdtProperties(new Tag { Val = "each:attendance" }), new SdtContentRow(new TableRow(
                    new TableCell(new Paragraph(Begin(), Code(" MERGEFIELD appointment.date "), Separate(), new Run(new W.Text("«date»")), End())),
                    new SdtCell(new SdtProperties(new Tag { Val = "appointment.attendance" }), new SdtContentCell(new TableCell(new Paragraph(new Run(new W.Text("[a]")))))))))));
            body.Append(new Table(new SdtRow(new SdtProperties(new Tag { Val = "each:warnings" }), new SdtContentRow(new TableRow(new TableCell(new Paragraph(Value("warning.date"))))))));
        }, parts: main =>
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new W.Text("Ref: ")), Value("case.reference")));
        });
        Assert.Empty(WordTemplate.Inspect(template).Problems);
        var values = new TemplateValues().Set("case.reference", "RJ-2026-00009").When("case.isJersey", true).List("warnings");
        values.Add("offences").Set("offence.description", "Theft");
        values.Add("offences").Set("offence.description", "Criminal damage");
        values.Add("attendance").Set("appointment.date", "1 May").Set("appointment.attendance", "Attended");
        values.Add("attendance").Set("appointment.date", "8 May").Set("appointment.attendance", "Unacceptable absence");

        var filled = WordTemplate.Fill(template, values);

        Assert.Equal(["Theft", "Jersey wording", "Criminal damage", "Jersey wording", "Date", "1 May\tAttended", "8 May\tUnacceptable absence"], WordTemplate.Paragraphs(filled));
        Assert.Equal(1, Count<Table>(filled));
        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        Assert.Equal("Ref: RJ-2026-00009", document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText);
        Assert.Empty(document.MainDocumentPart.Document!.Body!.Descendants<SdtElement>());
        Assert.Empty(document.MainDocumentPart.Document.Body.Descendants<FieldCode>());
    }
}
