namespace Mend.Web.Platform.Documents;

/// <summary>Mend:Pdf: how Mend turns DOCX into PDF with LibreOffice in headless mode (see the operators' guide).</summary>
public sealed class PdfSettings : Composition.ISelfValidating<PdfSettings>
{
    /// <summary>The LibreOffice program; found on the PATH by this name when not a full path (Debian: libreoffice-writer-nogui).</summary>
    public string LibreOffice { get; set; } = "soffice";

    /// <summary>A conversion still running after this many seconds is killed, with every process it started.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>At most this many conversions run at once; the others wait their turn.</summary>
    public int MaxAtOnce { get; set; } = 2;

    /// <summary>Run LibreOffice with no network (in its own network namespace, with <c>unshare</c>) when the machine allows it.</summary>
    public bool WithoutNetwork { get; set; } = true;

    public PdfSettings Validated()
    {
        if (TimeoutSeconds is < 1 or > 600)
        {
            throw new MendConfigurationException($"Mend:Pdf:TimeoutSeconds is {TimeoutSeconds}; use 1 to 600.");
        }

        if (MaxAtOnce is < 1 or > 16)
        {
            throw new MendConfigurationException($"Mend:Pdf:MaxAtOnce is {MaxAtOnce}; use 1 to 16.");
        }

        if (string.IsNullOrWhiteSpace(LibreOffice))
        {
            throw new MendConfigurationException("Mend:Pdf:LibreOffice is empty; name the LibreOffice program (soffice).");
        }

        return this;
    }
}
