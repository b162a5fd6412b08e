using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Where the hash chain now starts, after the oldest part of the audit trail was disposed of under the retention
/// schedule: the last seal removed and its hash, which the first seal kept links to. The verifier starts from the latest
/// checkpoint instead of the genesis hash. Checkpoints are append-only, like the trail; the database lets audit rows be
/// deleted only when a checkpoint covers them.
/// </summary>
public sealed class AuditCheckpoint : IAuditExempt
{
    public long Id { get; private set; }
    public long ThroughSealId { get; private set; }
    public string Hash { get; private set; } = "";

    /// <summary>Entries recorded before this moment were removed (as far as the seals they were chained in allow).</summary>
    public DateTime Before { get; private set; }
    public long EntriesRemoved { get; private set; }
    public long DisposalId { get; private set; }
    public DateTime At { get; private set; }
}

internal sealed class AuditCheckpointModel : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.HasIndex(c => c.ThroughSealId).IsUnique();
    }
}
