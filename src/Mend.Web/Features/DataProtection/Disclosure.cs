using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>What kind of sharing a disclosure was.</summary>
public enum DisclosureKind
{
    VictimsViews,
    Document,
    CourtReport,
    ParishHallReport,
    SubjectAccess,
    PartnerAccess,
}

/// <summary>
/// One time a person's data left the service: a victim's views shared, a letter or report sent, a court or Parish Hall
/// report handed in, a subject-access bundle released, a partner agency's view. The disclosure log answers "who was it
/// given to" for a person and for the service. It holds the recipient's name, so it goes when the person's records do.
/// </summary>
public sealed class Disclosure : IPersonalData, IAuditExempt
{
    public const int TextLength = 300;

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? CaseId { get; private set; }
    public DisclosureKind Kind { get; private set; }

    /// <summary>What was shared, in words: "Victim's views", "Letter: invitation to restorative justice".</summary>
    public string What { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string? Method { get; private set; }
    public DateOnly DisclosedOn { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>The record shared, as "Document:{id}" or "SubjectAccessRequest:{id}", so its disposal takes this row too.</summary>
    public string? Source { get; private set; }

    Guid? IPersonalData.SubjectPersonId => PersonId;

    public static Disclosure Record(Guid personId, Guid? caseId, DisclosureKind kind, string what, string recipient, string? method, DateOnly on, string source, string byName, DateTime now) => new()
    {
        PersonId = personId,
        CaseId = caseId,
        Kind = kind,
        What = Clip(what),
        Recipient = Clip(recipient),
        Method = method is null ? null : Clip(method),
        DisclosedOn = on,
        Source = source,
        RecordedByName = byName,
        RecordedAt = now,
    };

    public static string Describe(DisclosureKind kind) => kind switch
    {
        DisclosureKind.VictimsViews => "Victim's views shared",
        DisclosureKind.Document => "Letter or document sent",
        DisclosureKind.CourtReport => "Report to the court",
        DisclosureKind.ParishHallReport => "Report to the Parish Hall",
        DisclosureKind.SubjectAccess => "Subject access release",
        _ => "Partner agency access",
    };

    private static string Clip(string text) => text.Length <= TextLength ? text.Trim() : text[..TextLength].Trim();
}

internal sealed class DisclosureModel : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.ToTable("Disclosures");
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.What).HasMaxLength(Disclosure.TextLength);
        builder.Property(d => d.Recipient).HasMaxLength(Disclosure.TextLength);
        builder.Property(d => d.Method).HasMaxLength(Disclosure.TextLength);
        builder.Property(d => d.RecordedByName).HasMaxLength(200).IsOneLine();
        builder.Property(d => d.Source).HasMaxLength(100);
        builder.HasIndex(d => new { d.PersonId, d.DisclosedOn });
        builder.HasIndex(d => d.DisclosedOn);
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => d.Source);
    }
}
