using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;

namespace Mend.Web.Features.Cases;

/// <summary>
/// A record of contact or work on a case. The text is encrypted at rest. Notes are never deleted or
/// edited: a correction is a new note that amends the original, which stays readable beside it.
/// </summary>
public sealed class CaseNote
{
    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public NoteType Type { get; private set; }
    public DateTime OccurredAt { get; private set; }

    /// <summary>False when only the day was given, so pages show the date without a made-up time.</summary>
    public bool TimeRecorded { get; private set; }
    public string? WithWhom { get; private set; }
    public string TextCiphertext { get; private set; } = "";
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>The note this one corrects, and why.</summary>
    public long? AmendsNoteId { get; private set; }
    public string? AmendmentReason { get; private set; }

    public static CaseNote Write(Guid caseId, NoteDetails details, FieldEncryption encryption, Guid authorId, string authorName, DateTime now) => new()
    {
        CaseId = caseId,
        Type = details.Type,
        OccurredAt = details.OccurredAt,
        TimeRecorded = details.TimeRecorded,
        WithWhom = details.WithWhom,
        TextCiphertext = encryption.Encrypt(details.Text),
        AuthorId = authorId,
        AuthorName = authorName,
        RecordedAt = now,
    };

    public CaseNote Amend(NoteDetails corrected, string reason, FieldEncryption encryption, Guid authorId, string authorName, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the note is being corrected.");
        }

        var amendment = Write(CaseId, corrected, encryption, authorId, authorName, now);
        amendment.AmendsNoteId = Id;
        amendment.AmendmentReason = reason;
        return amendment;
    }

    public string ReadText(FieldEncryption encryption) => encryption.Decrypt(TextCiphertext);

    /// <summary>Re-encrypts the text under the current key (key rotation).</summary>
    public void Reencrypt(FieldEncryption encryption) => TextCiphertext = encryption.Encrypt(encryption.Decrypt(TextCiphertext));
}

public enum NoteType
{
    PhoneCall,
    Visit,
    Meeting,
    Letter,
    Email,
    Other,
}

public sealed record NoteDetails(NoteType Type, DateTime OccurredAt, string? WithWhom, string Text, bool TimeRecorded = true);

public static class NoteTypes
{
    public static string Describe(NoteType type) => type switch
    {
        NoteType.PhoneCall => "Phone call",
        NoteType.Visit => "Visit",
        NoteType.Meeting => "Meeting",
        NoteType.Letter => "Letter",
        NoteType.Email => "Email",
        _ => "Other",
    };
}
