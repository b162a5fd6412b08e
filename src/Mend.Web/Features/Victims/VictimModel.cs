using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Victims;

internal sealed class VictimModel : IEntityTypeConfiguration<Victim>
{
    public void Configure(EntityTypeBuilder<Victim> builder)
    {
        builder.ToTable("Victims");
        builder.Property(v => v.DetailsSource).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.PreferredMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.SafeTimes).HasMaxLength(500);
        builder.Property(v => v.InviteDecidedByName).HasMaxLength(200);
        builder.Property(v => v.AgeBand).HasMaxLength(20);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CaseId, v.PersonId }).IsUnique();
        builder.HasIndex(v => new { v.DeclinedOn, v.MinimisedAt });
        builder.HasMany(v => v.Choices).WithOne().HasForeignKey(c => c.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Contacts).WithOne().HasForeignKey(c => c.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Records).WithOne().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Views).WithOne().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Surveys).WithOne().HasForeignKey(s => s.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.UnsafeAddresses).WithOne().HasForeignKey(u => u.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Choices).AutoInclude();
        builder.Navigation(v => v.Contacts).AutoInclude();
        builder.Navigation(v => v.Records).AutoInclude();
        builder.Navigation(v => v.Views).AutoInclude();
        builder.Navigation(v => v.Surveys).AutoInclude();
        builder.Navigation(v => v.UnsafeAddresses).AutoInclude();
    }
}

internal sealed class VictimChoiceModel : IEntityTypeConfiguration<VictimChoice>
{
    public void Configure(EntityTypeBuilder<VictimChoice> builder)
    {
        builder.ToTable("VictimChoices");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
    }
}

internal sealed class VictimContactModel : IEntityTypeConfiguration<VictimContact>
{
    public void Configure(EntityTypeBuilder<VictimContact> builder)
    {
        builder.ToTable("VictimContacts");
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Via).HasMaxLength(200);
        builder.Property(c => c.NextStep).HasMaxLength(1000);
        builder.Property(c => c.ByName).HasMaxLength(200);
    }
}

internal sealed class VictimRecordModel : IEntityTypeConfiguration<VictimRecord>
{
    public void Configure(EntityTypeBuilder<VictimRecord> builder)
    {
        builder.ToTable("VictimRecords");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.To).HasMaxLength(200);
        builder.Property(r => r.LateReason).HasMaxLength(1000);
        builder.Property(r => r.ByName).HasMaxLength(200);
        builder.HasIndex(r => new { r.Kind, r.On });
    }
}

internal sealed class VictimViewsModel : IEntityTypeConfiguration<VictimViews>
{
    public void Configure(EntityTypeBuilder<VictimViews> builder)
    {
        builder.ToTable("VictimViews");
        builder.Property(v => v.DecisionMaker).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.RepresentedBy).HasMaxLength(200);
        builder.Property(v => v.ByName).HasMaxLength(200);
        builder.HasMany(v => v.Shares).WithOne().HasForeignKey(s => s.VictimViewsId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Shares).AutoInclude();
    }
}

internal sealed class VictimViewsShareModel : IEntityTypeConfiguration<VictimViewsShare>
{
    public void Configure(EntityTypeBuilder<VictimViewsShare> builder)
    {
        builder.ToTable("VictimViewsShares");
        builder.Property(s => s.SharedWith).HasMaxLength(300);
        builder.Property(s => s.ByName).HasMaxLength(200);
    }
}

internal sealed class SatisfactionSurveyModel : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> builder)
    {
        builder.ToTable("SatisfactionSurveys");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();

        // Two answers sent through the same link at once: the second finds it already answered.
        builder.Property(s => s.CompletedAt).IsConcurrencyToken();
    }
}

internal sealed class VictimUnsafeAddressModel : IEntityTypeConfiguration<VictimUnsafeAddress>
{
    public void Configure(EntityTypeBuilder<VictimUnsafeAddress> builder)
    {
        builder.ToTable("VictimUnsafeAddresses");
        builder.HasOne<PersonAddress>().WithMany().HasForeignKey(u => u.PersonAddressId).OnDelete(DeleteBehavior.Cascade);
    }
}
