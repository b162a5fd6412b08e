using System.IO.Compression;
using System.Text;
using Mend.Web.Features.Cases;

namespace Mend.Tests.Cases;

public sealed class AttachmentCheckTests
{
    private const long Limit = 1024 * 1024;

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\" PartName=\"/word/document.xml\"/></Types>");
            }

            using var document = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            document.Write("<w:document/>");
        }

        return buffer.ToArray();
    }

    [Fact]
    public void RealPdfAndDocx_AreAccepted_WithTheirContentTypes()
    {
        Assert.Equal("application/pdf", AttachmentCheck.Check("letter.pdf", Pdf, Limit).File!.ContentType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", AttachmentCheck.Check("report.DOCX", Docx(), Limit).File!.ContentType);
    }

    [Theory]
    [InlineData("notes.pdf", "MZ this is a program")]
    [InlineData("photo.jpg", "%PDF-1.7 a pdf pretending to be a photo")]
    [InlineData("report.docx", "PK\u0003\u0004 not really a zip")]
    public void ContentNotMatchingTheExtension_IsRefused(string name, string content) =>
        Assert.StartsWith("The selected file is not a real", AttachmentCheck.Check(name, Encoding.Latin1.GetBytes(content), Limit).Error);

    [Fact]
    public void AnyZip_NamedDocx_IsRefused_UnlessItHoldsAWordDocument()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("payload.exe");
        }

        Assert.NotNull(AttachmentCheck.Check("report.docx", buffer.ToArray(), Limit).Error);
    }

    [Theory]
    [InlineData("run.exe")]
    [InlineData("page.html")]
    [InlineData("noextension")]
    public void OtherTypes_AreRefused(string name) =>
        Assert.StartsWith("The selected file must be a PDF", AttachmentCheck.Check(name, Pdf, Limit).Error);

    [Fact]
    public void OverTheLimit_OrEmpty_IsRefused()
    {
        Assert.StartsWith("The selected file must be smaller than", AttachmentCheck.Check("big.pdf", [.. Pdf, .. new byte[Limit]], Limit).Error);
        Assert.Equal("The selected file is empty", AttachmentCheck.Check("empty.pdf", [], Limit).Error);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\sam\\letter.pdf", "letter.pdf")]
    [InlineData("bad\u0000\"name\".pdf", "badname.pdf")]
    [InlineData("statement\u202Egnp.pdf", "statementgnp.pdf")]
    [InlineData("\u2066a\u2069\u200Bb\u200F\u061C.pdf", "ab.pdf")]
    public void PathsAndControlCharacters_AreRemovedFromTheName(string uploaded, string kept) =>
        Assert.Equal(kept, AttachmentCheck.SafeName(uploaded));

    [Fact]
    public void VeryLongNames_AreCutTo200Characters_KeepingAShortExtension()
    {
        Assert.Equal(200, AttachmentCheck.SafeName("a." + new string('x', 300)).Length);
        var pdf = AttachmentCheck.SafeName(new string('y', 300) + ".pdf");
        Assert.Equal(200, pdf.Length);
        Assert.EndsWith(".pdf", pdf, StringComparison.Ordinal);
    }
}
