using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>The one EF Core context for all of Mend's data, on PostgreSQL or SQLite.</summary>
public sealed class MendDb(DbContextOptions<MendDb> options)
    : IdentityDbContext<MendUser, MendRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MendDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; SQLite loses DateTime.Kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
