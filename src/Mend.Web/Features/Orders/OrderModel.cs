using Mend.Web.Features.Cases;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Orders;

internal sealed class OrderModel : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Court).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.EndReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.DecidedBy).HasMaxLength(200).IsOneLine();
        builder.Property(o => o.EndNote).HasMaxLength(2000);
        builder.Property(o => o.CreatedByName).HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.Info);
        builder.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.CaseId, o.DecidedOn });
        builder.HasMany(o => o.Requirements).WithOne().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Requirements).AutoInclude();
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Contacts).AutoInclude();
        builder.HasMany(o => o.Warnings).WithOne().HasForeignKey(w => w.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Warnings).AutoInclude();
        builder.HasMany(o => o.Breaches).WithOne().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Breaches).AutoInclude();
        builder.HasMany(o => o.Panels).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Panels).AutoInclude();
        builder.Ignore(o => o.ParentMustAttendPanels);
        builder.Ignore(o => o.Hours);
        builder.HasMany(o => o.Reparation).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Reparation).AutoInclude();
        builder.HasMany(o => o.Plan).WithOne().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Plan).AutoInclude();
        builder.HasMany(o => o.Reviews).WithOne().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Reviews).AutoInclude();
    }
}

internal sealed class OrderRequirementModel : IEntityTypeConfiguration<OrderRequirement>
{
    public void Configure(EntityTypeBuilder<OrderRequirement> builder)
    {
        builder.ToTable("OrderRequirements");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Amount).HasPrecision(7, 1);
        builder.Property(r => r.Detail).HasMaxLength(1000);
        builder.Property(r => r.Responsible).HasMaxLength(200).IsOneLine();
    }
}

internal sealed class OrderContactModel : IEntityTypeConfiguration<OrderContact>
{
    public void Configure(EntityTypeBuilder<OrderContact> builder)
    {
        builder.ToTable("OrderContacts");
        builder.Property(c => c.Purpose).HasMaxLength(200).IsOneLine();
        builder.Property(c => c.Attendance).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.AbsenceReason).HasMaxLength(1000);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.Property(c => c.FollowUpNote).HasMaxLength(1000);
        builder.HasIndex(c => new { c.OrderId, c.At });
    }
}

internal sealed class OrderWarningModel : IEntityTypeConfiguration<OrderWarning>
{
    public void Configure(EntityTypeBuilder<OrderWarning> builder)
    {
        builder.ToTable("OrderWarnings");
        builder.Property(w => w.ByName).HasMaxLength(200);
        builder.Ignore(w => w.WarnedUntil);
        builder.HasIndex(w => new { w.OrderId, w.ContactId }).IsUnique();
    }
}

internal sealed class BreachActionModel : IEntityTypeConfiguration<BreachAction>
{
    public void Configure(EntityTypeBuilder<BreachAction> builder)
    {
        builder.ToTable("BreachActions");
        builder.Property(b => b.Reasons).HasMaxLength(2000);
        builder.Property(b => b.DecidedByName).HasMaxLength(200);
        builder.Property(b => b.HearingOutcome).HasMaxLength(2000);
        builder.HasIndex(b => new { b.OrderId, b.ContactId }).IsUnique();
    }
}

internal sealed class OrderPanelModel : IEntityTypeConfiguration<OrderPanel>
{
    public void Configure(EntityTypeBuilder<OrderPanel> builder)
    {
        builder.ToTable("OrderPanels");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Note).HasMaxLength(2000);
        builder.Property(p => p.ByName).HasMaxLength(200);
    }
}
