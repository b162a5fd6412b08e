using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Assessments;

internal sealed class AssessmentModel : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Willingness).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Responsibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ProposedVenue).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.OverallRisk).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Recommendation).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.AssessorName).HasMaxLength(200);
        builder.Property(a => a.SubmittedByName).HasMaxLength(200);
        builder.Property(a => a.DecidedByName).HasMaxLength(200);
        builder.Property(a => a.ApprovalReasons).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.PersonId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });
        builder.HasMany(a => a.Factors).WithOne().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Factors).AutoInclude();
    }
}

internal sealed class AssessmentFactorModel : IEntityTypeConfiguration<AssessmentFactor>
{
    public void Configure(EntityTypeBuilder<AssessmentFactor> builder)
    {
        builder.ToTable("AssessmentFactors");
        builder.HasKey(f => new { f.AssessmentId, f.Factor });
        builder.Property(f => f.Factor).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Rating).HasConversion<string>().HasMaxLength(20);
    }
}
