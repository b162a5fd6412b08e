using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.People;

internal sealed class PersonModel : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.GivenName).HasMaxLength(100).IsOneLine();
        builder.Property(p => p.FamilyName).HasMaxLength(100).IsOneLine();
        builder.Property(p => p.OrganisationName).HasMaxLength(200).IsOneLine();
        builder.Property(p => p.ContactName).HasMaxLength(200).IsOneLine();
        builder.Property(p => p.Gender).HasMaxLength(20);
        builder.Property(p => p.Ethnicity).HasMaxLength(4);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(100).IsOneLine();
        builder.Property(p => p.CommunicationNeeds).HasMaxLength(2000);
        builder.Property(p => p.Phone).HasMaxLength(30).IsOneLine();
        builder.Property(p => p.Email).HasMaxLength(256).IsOneLine();
        builder.Property(p => p.SafeContactNotes).HasMaxLength(2000);
        builder.Property(p => p.RestrictionReason).HasMaxLength(200);
        builder.Property(p => p.ExceptionReason).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DisplayName);
        builder.Ignore(p => p.CurrentAddress);
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => p.MergedIntoId);
        builder.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Flags).WithOne().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SearchNames).WithOne().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.NameWords).WithOne().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.NameWordPairs).WithOne().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Aliases).AutoInclude();
        builder.Navigation(p => p.Addresses).AutoInclude();
        builder.Navigation(p => p.Flags).AutoInclude();
    }
}

internal sealed class PersonMergeModel : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> builder)
    {
        builder.ToTable("PersonMerges");
        builder.Property(m => m.MergedName).HasMaxLength(300);
        builder.Property(m => m.Reason).HasMaxLength(1000);
        builder.Property(m => m.MergedByName).HasMaxLength(200);
        builder.Property(m => m.Moved).HasMaxLength(500);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId).IsUnique();
    }
}

internal sealed class PersonAliasModel : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> builder)
    {
        builder.ToTable("PersonAliases");
        builder.Property(a => a.Name).HasMaxLength(200).IsOneLine();
    }
}

internal sealed class PersonSearchNameModel : IEntityTypeConfiguration<PersonSearchName>
{
    public void Configure(EntityTypeBuilder<PersonSearchName> builder)
    {
        builder.ToTable("PersonSearchNames");
        builder.Property(s => s.Text).HasMaxLength(400);
        builder.HasIndex(s => s.PersonId);
    }
}

internal sealed class PersonNameWordModel : IEntityTypeConfiguration<PersonNameWord>
{
    public void Configure(EntityTypeBuilder<PersonNameWord> builder)
    {
        builder.ToTable("PersonNameWords");
        builder.HasKey(w => new { w.PersonId, w.Word });
        builder.Property(w => w.Word).HasMaxLength(PersonNameWord.MaxLength);
        builder.HasIndex(w => new { w.Word, w.PersonId });
    }
}

internal sealed class PersonNameWordPairModel : IEntityTypeConfiguration<PersonNameWordPair>
{
    public void Configure(EntityTypeBuilder<PersonNameWordPair> builder)
    {
        builder.ToTable("PersonNameWordPairs");
        builder.HasKey(w => new { w.Pair, w.PersonId });
        builder.Property(w => w.Pair).HasMaxLength(PersonNameWordPair.MaxLength);
    }
}

internal sealed class NameWordModel : IEntityTypeConfiguration<NameWord>
{
    public void Configure(EntityTypeBuilder<NameWord> builder)
    {
        builder.ToTable("NameWords");
        builder.HasKey(w => w.Word);
        builder.Property(w => w.Word).HasMaxLength(PersonNameWord.MaxLength);
    }
}

internal sealed class PersonAddressModel : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> builder)
    {
        builder.ToTable("PersonAddresses");
        builder.Property(a => a.Line1).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Line2).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Town).HasMaxLength(100).IsOneLine();
        builder.Property(a => a.Postcode).HasMaxLength(10).IsOneLine();
        builder.Property(a => a.PostcodeKey).HasMaxLength(10);
        builder.Ignore(a => a.OneLine);
        builder.HasIndex(a => a.PostcodeKey);
    }
}

internal sealed class PersonFlagModel : IEntityTypeConfiguration<PersonFlag>
{
    public void Configure(EntityTypeBuilder<PersonFlag> builder)
    {
        builder.ToTable("PersonFlags");
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Note).HasMaxLength(1000);
        builder.Property(f => f.SetByName).HasMaxLength(200);
        builder.Property(f => f.RemovedByName).HasMaxLength(200);
        builder.Property(f => f.RemovalReason).HasMaxLength(1000);
        builder.Ignore(f => f.IsActive);
    }
}
