using Mend.Web.Platform;

namespace Mend.Web.Features.Cases;

/// <summary>
/// A file kept on a case (a referral form, a letter, a photograph of damage). Stored in the database
/// so every node serves it; only ever sent as a download, never shown inline.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string? Description { get; private set; }
    public Guid UploadedById { get; private set; }
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    public static Attachment Store(Guid caseId, AttachmentFile file, string? description, Guid byId, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        FileName = file.FileName,
        ContentType = file.ContentType,
        SizeBytes = file.Content.Length,
        Content = file.Content,
        Description = description,
        UploadedById = byId,
        UploadedByName = byName,
        UploadedAt = now,
    };
}

/// <summary>An uploaded file whose type has been checked on its content, with a safe name.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);
