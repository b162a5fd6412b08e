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
