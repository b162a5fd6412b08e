namespace Mend.Web.Features.Cases;

/// <summary>Mend:Cases: how this service numbers cases, its jurisdiction, and whether it works with adults.</summary>
public sealed class CaseSettings
{
    /// <summary>Case references read PREFIX-YEAR-NUMBER, e.g. RJ-2026-00042.</summary>
    public string ReferencePrefix { get; set; } = "RJ";

    /// <summary>The deployment's jurisdiction; each case may override it.</summary>
    public Jurisdiction Jurisdiction { get; set; } = Jurisdiction.EnglandAndWales;

    /// <summary>
    /// Youth justice works with children aged 10 to 17 at the offence. Services that also work with
    /// adults (Jersey probation) set this; Jersey cases always allow adults.
    /// </summary>
    public bool AllowAdults { get; set; }

    /// <summary>The largest file that can be attached to a case; keep it under Mend:Security:MaxRequestBodyKilobytes.</summary>
    public int MaxAttachmentKilobytes { get; set; } = 8 * 1024;

    public const int MinimumAge = 10;
    public const int MaximumYouthAge = 17;
}
