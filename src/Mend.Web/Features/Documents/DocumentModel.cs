using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Documents;

internal sealed class DocumentTemplateModel : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> builder)
    {
        builder.ToTable("DocumentTemplates");
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Jurisdiction).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Current);
        builder.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TemplateVersionModel : IEntityTypeConfiguration<TemplateVersion>
{
    public void Configure(EntityTypeBuilder<TemplateVersion> builder)
    {
        builder.ToTable("DocumentTemplateVersions");
        builder.Property(v => v.FileName).HasMaxLength(200);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.Property(v => v.UploadedByName).HasMaxLength(200);
        builder.HasIndex(v => new { v.TemplateId, v.Number }).IsUnique();
    }
}

internal sealed class DocumentModel : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.SentPdfSha256).HasMaxLength(64);
        builder.Property(d => d.Recipient).HasMaxLength(300);
        builder.Property(d => d.CreatedByName).HasMaxLength(200);
        builder.Property(d => d.SentByName).HasMaxLength(200);
        builder.Property(d => d.IncludedViews).HasMaxLength(2000);
        builder.Ignore(d => d.IncludedViewIds);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentTemplate>().WithMany().HasForeignKey(d => d.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TemplateVersion>().WithMany().HasForeignKey(d => d.TemplateVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CaseId, d.CreatedAt });
        builder.HasIndex(d => new { d.Subject, d.SubjectId });
        builder.HasIndex(d => d.PrintRunId);
        builder.Property(d => d.Occasion).HasMaxLength(100);
    }
}
