using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Venues;

internal sealed class VenueModel : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.ToTable("Venues");
        builder.Property(v => v.Name).HasMaxLength(200).IsOneLine();
        builder.HasIndex(v => v.Name).IsUnique();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Address).HasMaxLength(500);
        builder.Property(v => v.Exits).HasMaxLength(1000);
        builder.Property(v => v.Accessibility).HasMaxLength(1000);
        builder.Property(v => v.EscortRules).HasMaxLength(1000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasMany(v => v.Rooms).WithOne().HasForeignKey(r => r.VenueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Rooms).AutoInclude();
    }
}

internal sealed class VenueRoomModel : IEntityTypeConfiguration<VenueRoom>
{
    public void Configure(EntityTypeBuilder<VenueRoom> builder)
    {
        builder.ToTable("VenueRooms");
        builder.Property(r => r.Name).HasMaxLength(100).IsOneLine();
    }
}
