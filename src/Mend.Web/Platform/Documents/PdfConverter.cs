using System.Diagnostics;

namespace Mend.Web.Platform.Documents;

public enum PdfFailure
{
    /// <summary>LibreOffice is not installed (or not where Mend:Pdf:LibreOffice says).</summary>
    Unavailable,

    /// <summary>The conversion ran past Mend:Pdf:TimeoutSeconds and was killed.</summary>
    TimedOut,

    /// <summary>LibreOffice stopped without making a PDF (it crashed, or could not read the file).</summary>
    Failed,
}

/// <summary>A PDF, or why there is none.</summary>
public sealed record PdfResult(byte[]? Pdf, PdfFailure? Failure)
{
    public string? Message => Failure switch
    {
        PdfFailure.Unavailable => "A PDF cannot be made here because LibreOffice is not installed; download the Word document instead",
        PdfFailure.TimedOut => "Making the PDF took too long and was stopped; try again, or download the Word document",
        PdfFailure.Failed => "LibreOffice could not make a PDF of this document; download the Word document instead",
        _ => null,
    };
}

/// <summary>
/// DOCX to PDF with LibreOffice in headless mode, so the PDF looks as the Word template does. Each conversion runs in
/// its own process with a private temporary profile, without network where <c>unshare</c> allows, at most
/// Mend:Pdf:MaxAtOnce at once, and is killed with every process it started at Mend:Pdf:TimeoutSeconds.
/// </summary>
public sealed class PdfConverter(PdfSettings settings, ILogger<PdfConverter> log)
{
    private readonly SemaphoreSlim _turns = new(settings.MaxAtOnce, settings.MaxAtOnce);
    private readonly Lazy<string?> _program = new(() => Find(settings.LibreOffice));
    private bool _warned;
    private readonly Lazy<bool> _isolated = new(() => settings.WithoutNetwork && Runs("unshare", "-rn", "true"));

    /// <summary>Whether LibreOffice is installed here.</summary>
    public bool IsAvailable => _program.Value is not null;

    /// <summary>Converts a DOCX; never throws for a converter problem, which comes back as <see cref="PdfResult.Failure"/>.</summary>
    public async Task<PdfResult> ToPdfAsync(byte[] docx, CancellationToken ct)
    {
        if (_program.Value is not { } program)
        {
            return new PdfResult(null, PdfFailure.Unavailable);
        }

        if (!_isolated.Value && settings.WithoutNetwork && !_warned)
        {
            _warned = true;
            log.LogWarning("LibreOffice runs with network access: this machine does not allow 'unshare -rn' (unprivileged user namespaces)");
        }

        await _turns.WaitAsync(ct);
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("mend-pdf-");
            var input = Path.Combine(folder.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(_isolated.Value ? "unshare" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            if (_isolated.Value)
            {
                start.ArgumentList.Add("-rn");
                start.ArgumentList.Add(program);
            }

            foreach (var argument in new[]
                     {
                         "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                         $"-env:UserInstallation=file://{folder.FullName}/profile", "--convert-to", "pdf:writer_pdf_Export", "--outdir", folder.FullName, input,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = folder.FullName;
            return await RunAsync(start, Path.Combine(folder.FullName, "document.pdf"), ct);
        }
        finally
        {
            _turns.Release();
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not remove the PDF conversion folder {Folder}", folder?.FullName);
            }
        }
    }

    private async Task<PdfResult> RunAsync(ProcessStartInfo start, string output, CancellationToken ct)
    {
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            log.LogWarning(ex, "LibreOffice could not be started");
            return new PdfResult(null, PdfFailure.Failed);
        }

        using var started = process;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            log.LogWarning("A PDF conversion ran past {Seconds} seconds and was stopped", settings.TimeoutSeconds);
            return new PdfResult(null, PdfFailure.TimedOut);
        }

        if (process.ExitCode != 0 || !File.Exists(output))
        {
            log.LogWarning("LibreOffice made no PDF (exit code {Code}): {Error}", process.ExitCode, (await stderr).Trim() + " " + (await stdout).Trim());
            return new PdfResult(null, PdfFailure.Failed);
        }

        return new PdfResult(await File.ReadAllBytesAsync(output, ct), null);
    }

    private static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
    }

    private static bool Runs(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            return process.WaitForExit(5000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
