using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Text;

public static class OneLineColumns
{
    /// <summary>Marks a text column as one line (a name, an address line, a postcode): see <see cref="TextColumns"/>.</summary>
    public static PropertyBuilder<T> IsOneLine<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(TextColumns.OneLineAnnotation, true);
}

/// <summary>
/// The last line for text at save, the same on SQLite (which does not enforce column lengths) as on
/// PostgreSQL (which fails the whole save): a value longer than its column is refused with the field named,
/// and a column marked one line (<see cref="OneLineColumns.IsOneLine"/>) never stores a line break, tab or other control character
/// (they become single spaces). Forms and the API check lengths first, with their own messages.
/// </summary>
public sealed class TextColumns : SaveChangesInterceptor
{
    internal const string OneLineAnnotation = "Mend:OneLine";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string value
                    || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                if (property.Metadata.FindAnnotation(OneLineAnnotation) is not null && TextInput.IsMultiLine(value))
                {
                    property.CurrentValue = value = TextInput.OneLine(value);
                }

                if (property.Metadata.GetMaxLength() is { } max && value.Length > max)
                {
                    throw new DomainRuleException($"{property.Metadata.Name} must be {max} characters or fewer", property.Metadata.Name);
                }
            }
        }
    }
}
