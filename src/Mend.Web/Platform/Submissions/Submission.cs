using Mend.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Submissions;

/// <summary>
/// Bookkeeping, not a record of anyone's case (so not audited), though an API answer kept here may hold personal data:
/// it is encrypted and deleted after a day.
/// One submission of a form or API request by a user, under the key the client chose (a page's hidden
/// <c>__SubmissionId</c>, or the API's <c>Idempotency-Key</c> header), with the first answer it got, so a
/// repeat gets that answer again instead of doing the work twice. Kept for <see cref="RepeatGuard.KeptFor"/>.
/// </summary>
public sealed class Submission : IAuditExempt
{
    public Guid UserId { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the method, address and (for the API) body: the same key with another request is refused.</summary>
    public byte[] RequestHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public bool Completed { get; private set; }
    public int Status { get; private set; }
    public string? Location { get; private set; }
    public string? ETag { get; private set; }
    public string? ContentType { get; private set; }

    /// <summary>
    /// The API's first response body (at most <see cref="RepeatGuard.MaxKeptBody"/> bytes before encryption), encrypted
    /// with the field key like case notes: it can hold personal data or a single-use link. Never a page's.
    /// </summary>
    public string? Body { get; private set; }

    public static Submission Reserve(Guid userId, string key, byte[] requestHash, DateTime now) =>
        new() { UserId = userId, Key = key, RequestHash = requestHash, CreatedAt = now };

    /// <summary>Where the first request sent the client (encrypted: it can be a single-use link).</summary>
    public void Complete(int status, string? location, string? etag, string? contentType, string? body)
    {
        Completed = true;
        Status = status;
        Location = location;
        ETag = etag;
        ContentType = contentType;
        Body = body;
    }
}

internal sealed class SubmissionModel : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.HasKey(s => new { s.UserId, s.Key });
        builder.Property(s => s.Key).HasMaxLength(RepeatGuard.MaxKeyLength);
        builder.Property(s => s.RequestHash).HasMaxLength(32);
        builder.Property(s => s.Location).HasMaxLength(4000);
        builder.Property(s => s.ETag).HasMaxLength(100);
        builder.Property(s => s.ContentType).HasMaxLength(200);
        builder.HasIndex(s => s.CreatedAt);
    }
}
