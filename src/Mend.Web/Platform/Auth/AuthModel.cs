using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Auth;

internal sealed class MendUserModel : IEntityTypeConfiguration<MendUser>
{
    public void Configure(EntityTypeBuilder<MendUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PractitionerLevel).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Features.Staff.Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MendRoleModel : IEntityTypeConfiguration<MendRole>
{
    /// <summary>Fixed ids so the roles exist after the first migration, before any user does.</summary>
    public static readonly IReadOnlyDictionary<string, Guid> RoleIds = new Dictionary<string, Guid>
    {
        [Roles.Practitioner] = Guid.Parse("0193a000-0000-7000-8000-000000000001"),
        [Roles.Manager] = Guid.Parse("0193a000-0000-7000-8000-000000000002"),
        [Roles.Administrator] = Guid.Parse("0193a000-0000-7000-8000-000000000003"),
        [Roles.DataProtectionOfficer] = Guid.Parse("0193a000-0000-7000-8000-000000000004"),
        [Roles.Volunteer] = Guid.Parse("0193a000-0000-7000-8000-000000000005"),
        [Roles.Partner] = Guid.Parse("0193a000-0000-7000-8000-000000000006"),
    };

    public void Configure(EntityTypeBuilder<MendRole> builder)
    {
        builder.HasData(RoleIds.Select(r => new MendRole
        {
            Id = r.Value,
            Name = r.Key,
            NormalizedName = r.Key.ToUpperInvariant(),
            ConcurrencyStamp = r.Value.ToString("N"),
        }));
    }
}

internal sealed class PersonalAccessTokenModel : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("PersonalAccessTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Scopes).HasMaxLength(500);
        builder.Property(t => t.SecretHash).HasMaxLength(32);
        builder.Ignore(t => t.ScopeList);
        builder.HasIndex(t => t.UserId);
        builder.HasOne<MendUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
