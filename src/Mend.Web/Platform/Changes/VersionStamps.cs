using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Platform.Changes;

/// <summary>
/// Moves the version of a versioned record changed by a save that did not set it (a background job, a merge of two
/// people), so a user editing an older version is told rather than silently overwriting it. Saves through
/// <see cref="Data.MendDb.SaveAtVersionAsync{T}"/> set the version themselves and are left alone.
/// </summary>
public sealed class VersionStamps : SaveChangesInterceptor
{
    public static readonly VersionStamps Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Whether a modified property is bookkeeping (<see cref="BookkeepingAttribute"/>) rather than a change to the record.</summary>
    public static bool IsBookkeeping(PropertyEntry property) =>
        property.Metadata.PropertyInfo?.GetCustomAttribute<BookkeepingAttribute>() is not null;

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            var version = entry.Property(e => e.Version);
            if (version.IsModified && version.CurrentValue != version.OriginalValue)
            {
                continue; // set explicitly by the one change routine
            }

            if (entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !IsBookkeeping(p)))
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
