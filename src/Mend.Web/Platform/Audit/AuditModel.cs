using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Audit;

internal sealed class AuditEventModel : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.Fields).HasMaxLength(2000);
        builder.Property(e => e.Purpose).HasMaxLength(1000);
        builder.Property(e => e.Recipient).HasMaxLength(500);
        builder.Property(e => e.Outcome).HasMaxLength(200);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.Property(e => e.TextSalt).HasMaxLength(32);
        builder.Property(e => e.TextDigest).HasMaxLength(64);
        builder.HasIndex(e => e.EntityId);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.ActorUserId, e.OccurredAt });
        builder.HasIndex(e => new { e.SubjectPersonId, e.OccurredAt });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class AuditSealModel : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> builder)
    {
        builder.ToTable("AuditSeals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.Hash).HasMaxLength(64);
        builder.HasIndex(s => s.AuditEventId).IsUnique();
    }
}
