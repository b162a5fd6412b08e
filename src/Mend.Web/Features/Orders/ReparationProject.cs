using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Orders;

public enum ReparationKind
{
    /// <summary>A placement with an organisation (a charity shop, an allotment).</summary>
    Placement,

    /// <summary>A project the service runs (graffiti removal, a community garden).</summary>
    Project,
}

/// <param name="Name">Up to 100 characters.</param>
/// <param name="Supervisor">Who supervises the young people there, up to 200 characters.</param>
/// <param name="Phone">Up to 40 characters.</param>
/// <param name="Address">Up to 500 characters.</param>
/// <param name="Safety">What staff and young people must know to be safe there, up to 2,000 characters.</param>
public sealed record ReparationProjectDetails(string Name, ReparationKind Kind, string Supervisor, string? Phone, string Address, string Safety);

/// <summary>A reparation placement or project, kept by managers, where young people work off reparation hours.</summary>
public sealed class ReparationProject : IVersioned
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public ReparationKind Kind { get; private set; }
    public string Supervisor { get; private set; } = "";
    public string? Phone { get; private set; }
    public string Address { get; private set; } = "";
    public string Safety { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public int Version { get; set; }

    public static ReparationProject Create(ReparationProjectDetails details)
    {
        var project = new ReparationProject();
        project.Change(details, isActive: true);
        return project;
    }

    public void Change(ReparationProjectDetails d, bool isActive)
    {
        (Name, Kind, Supervisor, Phone, Address, Safety, IsActive) = (d.Name.Trim(), d.Kind, d.Supervisor.Trim(), d.Phone?.Trim(), d.Address.Trim(), d.Safety.Trim(), isActive);
    }

    public static string Describe(ReparationKind kind) => kind == ReparationKind.Placement ? "Placement" : "Project";
}

internal sealed class ReparationProjectModel : IEntityTypeConfiguration<ReparationProject>
{
    public void Configure(EntityTypeBuilder<ReparationProject> builder)
    {
        builder.ToTable("ReparationProjects");
        builder.Property(p => p.Name).HasMaxLength(100).IsOneLine();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Supervisor).HasMaxLength(200).IsOneLine();
        builder.Property(p => p.Phone).HasMaxLength(40).IsOneLine();
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.Property(p => p.Safety).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

/// <summary>
/// A reparation session worked: where, which requirement or outcome-agreement item it counts towards, the hours worked
/// and whether the young person attended.
/// </summary>
public sealed class ReparationSession(int projectId, long? requirementId, long? agreementItemId, DateOnly on, decimal hours, Attendance attendance,
    string? note, string byName)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public int ProjectId { get; private set; } = projectId;
    public long? RequirementId { get; private set; } = requirementId;

    /// <summary>An outcome-agreement item (hours of reparation) on a restorative process on the same case.</summary>
    public long? AgreementItemId { get; private set; } = agreementItemId;
    public DateOnly On { get; private set; } = on;
    public decimal Hours { get; private set; } = hours;
    public Attendance Attendance { get; private set; } = attendance;
    public string? Note { get; private set; } = note;
    public string ByName { get; private set; } = byName;
}

/// <summary>Hours ordered on a requirement, done and left (attended sessions only).</summary>
public sealed record HoursDone(long RequirementId, RequirementKind Kind, decimal Ordered, decimal Done)
{
    public decimal Left => Math.Max(0, Ordered - Done);
}

internal sealed class ReparationSessionModel : IEntityTypeConfiguration<ReparationSession>
{
    public void Configure(EntityTypeBuilder<ReparationSession> builder)
    {
        builder.ToTable("ReparationSessions");
        builder.Property(s => s.Hours).HasPrecision(5, 1);
        builder.Property(s => s.Attendance).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Property(s => s.ByName).HasMaxLength(200);
        builder.HasOne<ReparationProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OrderId, s.On });
    }
}
