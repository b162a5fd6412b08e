using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Staff;

/// <summary>A team of practitioners and managers; cases belong to a team and are seen by its members.</summary>
public sealed class Team
{
    /// <summary>The team every service starts with, so a new installation works before anyone sets up teams.</summary>
    public static readonly Guid DefaultId = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public static Team Create(string name) => new() { Id = Guid.CreateVersion7(), Name = name.Trim() };
}

internal sealed class TeamModel : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.Property(t => t.Name).HasMaxLength(200).IsOneLine();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(new { Id = Team.DefaultId, Name = "Restorative justice team" });
    }
}
