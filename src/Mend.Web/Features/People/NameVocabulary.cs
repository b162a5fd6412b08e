using Mend.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Features.People;

/// <summary>
/// Adds each new name word to the <see cref="NameWord"/> vocabulary as people are saved. Words are only
/// ever added (an unused word costs nothing), with ON CONFLICT DO NOTHING, so two saves adding the same
/// new word at once cannot fail each other; PostgreSQL and SQLite share the statement. Once saved,
/// the words join this node's in-memory <see cref="WordIndex"/>.
/// </summary>
public sealed class NameVocabulary(WordIndex index) : SaveChangesInterceptor
{

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Statement(eventData.Context) is { } statement)
        {
            eventData.Context!.Database.ExecuteSqlRaw(statement.Sql, statement.Words);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Statement(eventData.Context) is { } statement)
        {
            await eventData.Context!.Database.ExecuteSqlRawAsync(statement.Sql, statement.Words, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>After the save the words are in the database, so this node can match against them too.</summary>
    private void Remember(DbContext? context)
    {
        var words = context?.ChangeTracker.Entries<PersonNameWord>().Select(e => e.Entity.Word).ToList();
        if (words is { Count: > 0 })
        {
            index.Add(words);
        }
    }

    private static (string Sql, object[] Words)? Statement(DbContext? context)
    {
        var words = context?.ChangeTracker.Entries<PersonNameWord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Word)
            .Distinct(StringComparer.Ordinal)
            .Cast<object>()
            .ToArray();
        if (words is null || words.Length == 0)
        {
            return null;
        }

        var values = string.Join(", ", words.Select((_, i) => $"({{{i}}})"));
        return ($"INSERT INTO \"NameWords\" (\"Word\") VALUES {values} ON CONFLICT DO NOTHING", words);
    }
}
