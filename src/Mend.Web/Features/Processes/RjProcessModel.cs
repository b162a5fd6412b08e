using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Processes;

internal sealed class RjProcessModel : IEntityTypeConfiguration<RjProcess>
{
    public void Configure(EntityTypeBuilder<RjProcess> builder)
    {
        builder.ToTable("RjProcesses");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.FacilitatorName).HasMaxLength(200);
        builder.Property(p => p.CoFacilitatorName).HasMaxLength(200);
        builder.Property(p => p.CreatedByName).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Venues.Venue>().WithMany().HasForeignKey(p => p.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Status, p.StartsAt });
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey(p => p.RjProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Participants).AutoInclude();
        builder.Property(p => p.FollowUpPlan).HasMaxLength(4000);
        builder.Property(p => p.RecordedByName).HasMaxLength(200);
        builder.Property(p => p.WithdrawnBy).HasMaxLength(200);
        builder.HasOne<Panels.Panel>().WithMany().HasForeignKey(p => p.PanelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PanelId, p.StartsAt });
        builder.Property(p => p.ChairName).HasMaxLength(200);
        builder.Property(p => p.MinutesByName).HasMaxLength(200);
        builder.Property(p => p.OutcomeReason).HasMaxLength(2000);
        builder.HasMany(p => p.Agreement).WithOne().HasForeignKey(i => i.RjProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Agreement).AutoInclude();
        builder.HasMany(p => p.Preparation).WithOne().HasForeignKey(s => s.RjProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Preparation).AutoInclude();
        builder.HasMany(p => p.Feedback).WithOne().HasForeignKey(f => f.RjProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Feedback).AutoInclude();
    }
}

internal sealed class ParticipantFeedbackModel : IEntityTypeConfiguration<ParticipantFeedback>
{
    public void Configure(EntityTypeBuilder<ParticipantFeedback> builder)
    {
        builder.ToTable("ParticipantFeedback");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);

        // Two answers sent through the same link at once: the second finds it already answered.
        builder.Property(f => f.CompletedAt).IsConcurrencyToken();
    }
}

internal sealed class PreparationSessionModel : IEntityTypeConfiguration<PreparationSession>
{
    public void Configure(EntityTypeBuilder<PreparationSession> builder)
    {
        builder.ToTable("PreparationSessions");
        builder.Property(s => s.ByName).HasMaxLength(200);
    }
}

internal sealed class AgreementItemModel : IEntityTypeConfiguration<AgreementItem>
{
    public void Configure(EntityTypeBuilder<AgreementItem> builder)
    {
        builder.ToTable("AgreementItems");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.What).HasMaxLength(1000);
        builder.Property(i => i.Who).HasMaxLength(200);
        builder.Property(i => i.Note).HasMaxLength(1000);
        builder.Property(i => i.Hours).HasPrecision(6, 1);
        builder.HasIndex(i => new { i.Status, i.DueOn });

        // Two nodes reminding at once: the second finds the item already reminded and sends nothing.
        builder.Property(i => i.RemindedAt).IsConcurrencyToken();
        builder.Property(i => i.OverdueNoticeAt).IsConcurrencyToken();
    }
}

internal sealed class ProcessParticipantModel : IEntityTypeConfiguration<ProcessParticipant>
{
    public void Configure(EntityTypeBuilder<ProcessParticipant> builder)
    {
        builder.ToTable("ProcessParticipants");
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PersonId);
    }
}
