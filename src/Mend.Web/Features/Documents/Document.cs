using System.Security.Cryptography;
using Mend.Web.Platform;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Documents;

public enum DocumentStatus
{
    /// <summary>Made from a template, and may still be replaced by an edited version.</summary>
    Draft,

    /// <summary>Sent: read-only, with its hash, recipient and method kept.</summary>
    Sent,
}

/// <summary>How a document went out.</summary>
public enum SendMethod
{
    Post,
    Email,
    ByHand,
    Court,
    ParishHall,
    Panel,
}

/// <summary>
/// A letter or report made from a template version for one record. A draft may be replaced by a version edited in
/// Word; sending it freezes it: the DOCX (and the PDF, when one was made) are kept exactly as sent, with their SHA-256,
/// the recipient, the method and the day, recorded as a disclosure.
/// </summary>
public sealed class Document : IVersioned, Platform.Audit.IPersonalData
{
    public const string ViewPurpose = "Letters and reports";

    public static readonly string StaleMessage = Conflicts.Message("this document");

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DocumentSubject Subject { get; private set; }

    /// <summary>The victim, order or process the document is about; null for a case.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>The person the document is about or addressed to, for the audit trail and subject access (the victim, or the child).</summary>
    public Guid? PersonId { get; private set; }
    public string Title { get; private set; } = "";
    public int TemplateId { get; private set; }
    public long TemplateVersionId { get; private set; }
    public int TemplateNumber { get; private set; }
    public DocumentPurpose Purpose { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string Sha256 { get; private set; } = "";

    /// <summary>The draft was replaced by a version edited in Word.</summary>
    public bool Edited { get; private set; }
    public DocumentStatus Status { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ChangedAt { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public DateTime? SentAt { get; private set; }
    public SendMethod? Method { get; private set; }
    public string? Recipient { get; private set; }
    public string? SentByName { get; private set; }

    /// <summary>The PDF as sent, when LibreOffice could make one; kept with its hash.</summary>
    public byte[]? SentPdf { get; private set; }

    /// <summary>For a letter to a victim, the address it was written to (one the victim may be written to when it was made).</summary>
    public long? AddressId { get; private set; }

    /// <summary>The event a letter due was made for ("warning:12", "appointment:40"), so it is not due again.</summary>
    public string? Occasion { get; private set; }

    /// <summary>The print run the document was made in, when it was made with others (letters due).</summary>
    public Guid? PrintRunId { get; private set; }

    /// <summary>The victims' views (VictimViews ids, comma-separated) the document includes: sending it records their disclosure.</summary>
    public string? IncludedViews { get; private set; }
    public string? SentPdfSha256 { get; private set; }
    public int Version { get; set; }

    public bool IsSent => Status == DocumentStatus.Sent;

    Guid? Platform.Audit.IPersonalData.SubjectPersonId => PersonId;

    public IReadOnlyList<long> IncludedViewIds =>
        (IncludedViews ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private Document()
    {
    }

    public static Document Make(Guid caseId, DocumentSubject subject, Guid? subjectId, Guid? personId, string title, DocumentTemplate template,
        byte[] content, IEnumerable<long> includedViews, string byName, DateTime now, string? occasion = null, long? addressId = null)
    {
        var document = new Document
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Subject = subject,
            SubjectId = subjectId,
            PersonId = personId,
            Title = title,
            TemplateId = template.Id,
            TemplateVersionId = template.Current.Id,
            TemplateNumber = template.CurrentNumber,
            Purpose = template.Purpose,
            Status = DocumentStatus.Draft,
            CreatedByName = byName,
            CreatedAt = now,
            ChangedAt = now,
            Occasion = occasion,
            AddressId = addressId,
            IncludedViews = string.Join(",", includedViews.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) is { Length: > 0 } ids ? ids : null,
        };
        document.SetContent(content);
        return document;
    }

    /// <summary>Marks the document as part of a print run.</summary>
    public void InRun(Guid runId) => PrintRunId = runId;

    /// <summary>Replaces the draft with a version edited in Word (already checked as a Word document without macros).</summary>
    public void ReplaceContent(byte[] content, DateTime now)
    {
        RequireDraft();
        SetContent(content);
        Edited = true;
        ChangedAt = now;
    }

    /// <summary>Sends the document once: it is frozen from then on.</summary>
    public void Send(SendMethod method, string recipient, DateOnly on, byte[]? pdf, string byName, DateTime now, DateOnly today)
    {
        RequireDraft();
        if (on > today)
        {
            throw new DomainRuleException("The day it was sent must be today or in the past.", "sentOn");
        }

        if (on < DateOnly.FromDateTime(CreatedAt))
        {
            throw new DomainRuleException("The day it was sent cannot be before the document was made.", "sentOn");
        }

        Status = DocumentStatus.Sent;
        Method = method;
        Recipient = recipient;
        SentOn = on;
        SentAt = now;
        SentByName = byName;
        SentPdf = pdf;
        SentPdfSha256 = pdf is null ? null : Convert.ToHexStringLower(SHA256.HashData(pdf));
        ChangedAt = now;
    }

    public static string Describe(SendMethod method) => method switch
    {
        SendMethod.Email => "E-mail",
        SendMethod.ByHand => "By hand",
        SendMethod.Court => "To the court",
        SendMethod.ParishHall => "To the Parish Hall",
        SendMethod.Panel => "To the panel",
        _ => "Post",
    };

    private void SetContent(byte[] content)
    {
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
    }

    private void RequireDraft()
    {
        if (IsSent)
        {
            throw new DomainRuleException(string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
                $"This document was sent on {SentOn:d MMMM yyyy} and can no longer be changed or sent again."));
        }
    }
}
