using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Adds an audit event for every create, update and delete saved through EF, in the same
/// SaveChanges (and so the same transaction) as the change itself.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>
    /// Identity's own columns that change as a side effect of signing in; they are not user administration. Mend's own
    /// such columns say so with <see cref="BookkeepingAttribute"/>.
    /// </summary>
    private static readonly HashSet<string> UserBookkeeping =
    [
        nameof(MendUser.AccessFailedCount), nameof(MendUser.LockoutEnd), nameof(MendUser.SecurityStamp), nameof(MendUser.ConcurrencyStamp),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var who = ((MendDb)context).ScopeService<AuditActor>().Current;
        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsInfrastructure(entry.Entity))
            {
                continue;
            }

            var fields = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !VersionStamps.IsBookkeeping(p)).Select(p => p.Metadata.Name).Where(n => !UserBookkeeping.Contains(n) && n != nameof(IVersioned.Version)).ToList()
                : [];
            if (entry.State == EntityState.Modified && fields.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            events.Add(AuditEvent.Create(who, now, action, entry.Metadata.ClrType.Name, KeyOf(entry),
                fields.Count > 0 ? string.Join(",", fields) : null,
                subjectPersonId: (entry.Entity as IPersonalData)?.SubjectPersonId));
        }

        context.AddRange(events);
    }

    /// <summary>Mend's own bookkeeping says so with <see cref="IAuditExempt"/>; framework types cannot, so they are named here.</summary>
    private static bool IsInfrastructure(object entity) => entity is IAuditExempt or DataProtectionKey
        or IdentityUserToken<Guid> or IdentityUserLogin<Guid> or IdentityUserClaim<Guid> or IdentityRoleClaim<Guid>
        or IdentityUserRole<Guid>;

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        return string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}

/// <summary>An entity whose rows are about one person, so the audit trail can answer "who saw my data?".</summary>
public interface IPersonalData
{
    Guid? SubjectPersonId { get; }
}

/// <summary>
/// Rows whose saving is not itself audited: the audit trail's own rows, and bookkeeping derived from audited records or
/// kept for the platform (search names and words, reference counters, answers kept for repeated submissions).
/// </summary>
public interface IAuditExempt
{
}
