using Mend.Web.Features.People;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Cases;

internal sealed class CaseModel : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Reference).HasMaxLength(30).IsOneLine();
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RiskLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ReferralSource).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.ClosureReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.AllocatedWorkerName).HasMaxLength(200);
        builder.Property(c => c.ReferrerName).HasMaxLength(200).IsOneLine();
        builder.Property(c => c.ReferrerOrganisation).HasMaxLength(200);
        builder.Property(c => c.ReferralReason).HasMaxLength(4000);
        builder.Property(c => c.DecisionReason).HasMaxLength(2000);
        builder.Property(c => c.DecidedByName).HasMaxLength(200);
        builder.Property(c => c.ClosureNote).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TeamId, c.Status });
        builder.HasIndex(c => new { c.AllocatedWorkerId, c.Status });
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Offences).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AccessGrants).WithOne().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseParticipantModel : IEntityTypeConfiguration<CaseParticipant>
{
    public void Configure(EntityTypeBuilder<CaseParticipant> builder)
    {
        builder.ToTable("CaseParticipants");
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PersonId, p.CaseId });
    }
}

internal sealed class OffenceModel : IEntityTypeConfiguration<Offence>
{
    public void Configure(EntityTypeBuilder<Offence> builder)
    {
        builder.ToTable("Offences");
        builder.Property(o => o.Location).HasMaxLength(300);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.HasOne(o => o.Type).WithMany().HasForeignKey(o => o.OffenceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Victims).WithOne().HasForeignKey(v => v.OffenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Victims).AutoInclude();
    }
}

internal sealed class OffenceVictimModel : IEntityTypeConfiguration<OffenceVictim>
{
    public void Configure(EntityTypeBuilder<OffenceVictim> builder)
    {
        builder.ToTable("OffenceVictims");
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.PersonId);
    }
}

internal sealed class CaseAllocationModel : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        builder.ToTable("CaseAllocations");
        builder.Property(a => a.WorkerName).HasMaxLength(200);
        builder.Property(a => a.AllocatedByName).HasMaxLength(200);
    }
}

internal sealed class CaseAccessGrantModel : IEntityTypeConfiguration<CaseAccessGrant>
{
    public void Configure(EntityTypeBuilder<CaseAccessGrant> builder)
    {
        builder.ToTable("CaseAccessGrants");
        builder.Property(g => g.UserName).HasMaxLength(200);
        builder.Property(g => g.GrantedByName).HasMaxLength(200);
        builder.HasIndex(g => new { g.UserId, g.CaseId });
    }
}

internal sealed class BreakGlassModel : IEntityTypeConfiguration<BreakGlass>
{
    public void Configure(EntityTypeBuilder<BreakGlass> builder)
    {
        builder.ToTable("BreakGlass");
        builder.Property(b => b.UserName).HasMaxLength(200);
        builder.Property(b => b.Reason).HasMaxLength(1000);
        builder.HasIndex(b => new { b.UserId, b.At });
        builder.HasIndex(b => b.At);
    }
}

internal sealed class CaseNoteModel : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("CaseNotes");
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.WithWhom).HasMaxLength(300);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.AmendmentReason).HasMaxLength(1000);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CaseId, n.OccurredAt });
    }
}

internal sealed class OffenceTypeModel : IEntityTypeConfiguration<OffenceType>
{
    public void Configure(EntityTypeBuilder<OffenceType> builder)
    {
        builder.ToTable("OffenceTypes");
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Name).HasMaxLength(200).IsOneLine();
        builder.Property(t => t.Category).HasMaxLength(100);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(OffenceTypeSeed.All.Select((t, i) => new
        {
            Id = i + 1,
            t.Name,
            t.Category,
            t.GravityScore,
            t.IsSensitive,
            IsActive = true,
        }));
    }
}

internal sealed class AttachmentModel : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.FileName).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Description).HasMaxLength(500);
        builder.Property(a => a.UploadedByName).HasMaxLength(200);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CaseId, a.UploadedAt });
    }
}

/// <summary>Case references are numbered per year; this row holds the last number given.</summary>
public sealed class CaseReferenceCounter : Platform.Audit.IAuditExempt
{
    public int Year { get; set; }
    public int LastNumber { get; set; }
}

internal sealed class CaseReferenceCounterModel : IEntityTypeConfiguration<CaseReferenceCounter>
{
    public void Configure(EntityTypeBuilder<CaseReferenceCounter> builder)
    {
        builder.ToTable("CaseReferenceCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastNumber).IsConcurrencyToken();
    }
}
