using Mend.Web.Platform;

namespace Mend.Web.Features.Documents;

/// <summary>Mend:Documents: the service's details printed on letters and reports, and the protective marking.</summary>
public sealed class DocumentSettings : Platform.Composition.ISelfValidating<DocumentSettings>
{
    public string ServiceName { get; set; } = "Restorative Justice Service";

    /// <summary>The postal address, lines separated by commas or new lines.</summary>
    public string ServiceAddress { get; set; } = "";

    public string ServicePhone { get; set; } = "";

    public string ServiceEmail { get; set; } = "";

    /// <summary>The marking at the top of every page of the starter templates (Government Security Classifications).</summary>
    public string Marking { get; set; } = "OFFICIAL-SENSITIVE";

    /// <summary>
    /// The largest template or edited document accepted, in megabytes. It must fit in Mend:Security:MaxRequestBodyKilobytes
    /// (10 MB by default) once sent: as base64 through the API it grows by a third, so 7 MB fits.
    /// </summary>
    public int MaxUploadMegabytes { get; set; } = 7;

    public DocumentSettings Validated()
    {
        if (string.IsNullOrWhiteSpace(ServiceName) || ServiceName.Length > 200)
        {
            throw new MendConfigurationException("Mend:Documents:ServiceName must be set, in up to 200 characters.");
        }

        if (MaxUploadMegabytes is < 1 or > 50)
        {
            throw new MendConfigurationException($"Mend:Documents:MaxUploadMegabytes is {MaxUploadMegabytes}; use 1 to 50.");
        }

        return this;
    }

    /// <summary>The address one line each.</summary>
    public string AddressLines => string.Join("\n", ServiceAddress.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
