using System.Security.Cryptography;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Documents;

namespace Mend.Web.Features.Documents;

/// <summary>Whether a template makes a letter (to a person) or a report (to a court, a panel or the Parish Hall).</summary>
public enum DocumentPurpose
{
    Letter,
    Report,
}

/// <summary>
/// A Word template a service keeps: its name, what it is about, the jurisdiction it is written for (null: both), and
/// every version uploaded, none ever deleted. Documents name the version they came from.
/// </summary>
public sealed class DocumentTemplate : IVersioned
{
    public static readonly string StaleMessage = Conflicts.Message("this template");

    private readonly List<TemplateVersion> _versions = [];

    public int Id { get; private set; }

    /// <summary>A stable name for a starter template ("victim-first-contact"); null for one a service added.</summary>
    public string? Key { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public DocumentSubject Subject { get; private set; }
    public DocumentPurpose Purpose { get; private set; }
    public Jurisdiction? Jurisdiction { get; private set; }
    public bool IsActive { get; private set; } = true;
    public int CurrentNumber { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<TemplateVersion> Versions => _versions;

    public TemplateVersion Current => _versions.Single(v => v.Number == CurrentNumber);

    private DocumentTemplate()
    {
    }

    /// <summary>A new template with its first version; refused, naming the field, when the file cannot be used for its subject.</summary>
    public static DocumentTemplate Create(string? key, string name, string? description, DocumentSubject subject, DocumentPurpose purpose,
        Jurisdiction? jurisdiction, string fileName, byte[] content, string byName, DateTime now)
    {
        var template = new DocumentTemplate
        {
            Key = key,
            Name = name,
            Description = description,
            Subject = subject,
            Purpose = purpose,
            Jurisdiction = jurisdiction,
        };
        template.AddVersion(fileName, content, null, byName, now);
        return template;
    }

    /// <summary>Checks a DOCX as a template for this subject: readable, no macros or embedded code, only known fields.</summary>
    public static IReadOnlyList<string> ProblemsWith(byte[] content, DocumentSubject subject)
    {
        var shape = WordTemplate.Inspect(content);
        return shape.IsUsable ? DocumentFields.Problems(shape.Fields, subject) : shape.Problems;
    }

    /// <summary>Adds a version and makes it the current one; older versions are kept.</summary>
    public TemplateVersion AddVersion(string fileName, byte[] content, string? note, string byName, DateTime now)
    {
        if (ProblemsWith(content, Subject).FirstOrDefault() is { } problem)
        {
            throw new DomainRuleException(problem + ".", "file");
        }

        var version = new TemplateVersion(CurrentNumber + 1, fileName, content, note, byName, now);
        _versions.Add(version);
        CurrentNumber = version.Number;
        return version;
    }

    public void Rename(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Stops or restarts offering the template; its documents are kept.</summary>
    public void SetActive(bool active) => IsActive = active;

    /// <summary>Whether a document on a case of this jurisdiction may be made from the template.</summary>
    public bool AppliesTo(Jurisdiction jurisdiction) => Jurisdiction is null || Jurisdiction == jurisdiction;
}

/// <summary>One uploaded version of a template: the file as uploaded, its SHA-256, who uploaded it and when.</summary>
public sealed class TemplateVersion(int number, string fileName, byte[] content, string? note, string uploadedByName, DateTime uploadedAt)
{
    public long Id { get; private set; }
    public int TemplateId { get; private set; }
    public int Number { get; private set; } = number;
    public string FileName { get; private set; } = fileName;
    public byte[] Content { get; private set; } = content;
    public string Sha256 { get; private set; } = Convert.ToHexStringLower(SHA256.HashData(content));
    public long SizeBytes { get; private set; } = content.Length;
    public string? Note { get; private set; } = note;
    public string UploadedByName { get; private set; } = uploadedByName;
    public DateTime UploadedAt { get; private set; } = uploadedAt;
}
