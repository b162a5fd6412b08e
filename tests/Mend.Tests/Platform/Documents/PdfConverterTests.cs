using System.Diagnostics;
using Mend.Web.Platform.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace Mend.Tests.Platform.Documents;

/// <summary>
/// DOCX to PDF with the real LibreOffice (installed by scripts/test), and what happens when it is missing, crashes or
/// hangs: a clear failure, and a hung converter killed at its limit.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PdfConverterTests
{
    private static PdfConverter Converter(string program = "soffice", int timeoutSeconds = 60) =>
        new(new PdfSettings { LibreOffice = program, TimeoutSeconds = timeoutSeconds }.Validated(), NullLogger<PdfConverter>.Instance);

    private static string Script(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mend-fake-soffice-{Guid.NewGuid():N}");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task AFilledLetter_BecomesAPdf_WithItsText()
    {
        var converter = Converter();
        Assert.True(converter.IsAvailable, "LibreOffice (soffice) is not installed: scripts/test installs libreoffice-writer-nogui");
        var docx = WordTemplate.Fill(TemplateWriter.Write("Dear {victim.name},\n\n# Your letter\n\nThank you.", "OFFICIAL-SENSITIVE"),
            new TemplateValues().Set("victim.name", "Alex Morgan"));

        var result = await converter.ToPdfAsync(docx, TestContext.Current.CancellationToken);

        Assert.Null(result.Failure);
        using var pdf = PdfDocument.Open(result.Pdf!);
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Dear Alex Morgan,", text, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL-SENSITIVE", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutLibreOffice_ThePdfIsUnavailable() =>
        Assert.Equal(PdfFailure.Unavailable, (await Converter("/nonexistent/soffice").ToPdfAsync([1], TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task AConverterThatCrashes_IsAFailure()
    {
        var script = Script("exit 3");
        try
        {
            var result = await Converter(script).ToPdfAsync([1, 2, 3], TestContext.Current.CancellationToken);
            Assert.Equal(PdfFailure.Failed, result.Failure);
            Assert.NotNull(result.Message);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task AConverterThatCannotStart_IsAFailure_NotAnError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mend-not-executable-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, "not a program", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(PdfFailure.Failed, (await Converter(path).ToPdfAsync([1, 2, 3], TestContext.Current.CancellationToken)).Failure);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AConverterThatHangs_IsKilledAtItsLimit()
    {
        // A distinctive sleep, run as a child of the script, so both the script and what it started can be looked for.
        var seconds = $"300.{Random.Shared.Next(100000, 999999)}";
        var script = Script($"sleep {seconds} &\nwait");
        try
        {
            var result = await Converter(script, timeoutSeconds: 1).ToPdfAsync([1, 2, 3], TestContext.Current.CancellationToken);
            Assert.Equal(PdfFailure.TimedOut, result.Failure);
            var left = Process.GetProcesses().Where(p =>
            {
                try
                {
                    var command = File.ReadAllText($"/proc/{p.Id}/cmdline");
                    return command.Contains(script, StringComparison.Ordinal) || command.Contains(seconds, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            }).ToList();
            Assert.Empty(left);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
