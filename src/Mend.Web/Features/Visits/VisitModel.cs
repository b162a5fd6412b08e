using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Visits;

internal sealed class VisitModel : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.ToTable("Visits");
        builder.Property(v => v.Place).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Address).HasMaxLength(Visit.AddressLength);
        builder.Property(v => v.Travel).HasMaxLength(Visit.TravelLength).IsOneLine();
        builder.Property(v => v.Purpose).HasMaxLength(Visit.PurposeLength).IsOneLine();
        builder.Property(v => v.WorkerName).HasMaxLength(200).IsOneLine();
        builder.Property(v => v.BuddyName).HasMaxLength(200).IsOneLine();
        builder.Property(v => v.SecondWorkerName).HasMaxLength(200).IsOneLine();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.WorkerId, v.StartsAt });
        builder.HasIndex(v => new { v.Status, v.ExpectedEndAt });
        builder.HasIndex(v => v.CaseId);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitAlertModel : IEntityTypeConfiguration<VisitAlert>
{
    public void Configure(EntityTypeBuilder<VisitAlert> builder)
    {
        builder.ToTable("VisitAlerts");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.StepState).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EndedByName).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Ending).HasMaxLength(VisitAlert.NoteLength + 250);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.VisitId, a.Kind, a.ExpectedEndAt }).IsUnique();
        builder.HasIndex(a => a.EndedAt);
        builder.HasOne<Visit>().WithMany().HasForeignKey(a => a.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertLogEntryModel : IEntityTypeConfiguration<AlertLogEntry>
{
    public void Configure(EntityTypeBuilder<AlertLogEntry> builder)
    {
        builder.ToTable("VisitAlertLog");
        builder.Property(e => e.Event).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Detail).HasMaxLength(AlertLogEntry.DetailLength);
        builder.HasIndex(e => new { e.AlertId, e.Event });
        builder.HasIndex(e => e.VisitId);
        builder.HasOne(e => e.Alert).WithMany().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DutyShiftModel : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> builder)
    {
        builder.ToTable("DutyShifts");
        builder.Property(d => d.UserName).HasMaxLength(200).IsOneLine();
        builder.Property(d => d.SetByName).HasMaxLength(200).IsOneLine();
        builder.HasIndex(d => new { d.StartsAt, d.EndsAt });
        builder.HasOne<Platform.Auth.MendUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
