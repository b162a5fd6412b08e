using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Changes;

/// <summary>
/// The one routine for a change to a versioned record, shared by its page and its API: load the record the user may
/// see (not found otherwise), check it is still at the version the user saw (stale otherwise), let the entity make the
/// change (a <see cref="DomainRuleException"/> becomes a field error and nothing is saved), then save at that version.
/// </summary>
public static class VersionedChange
{
    /// <param name="visible">The one record, already narrowed to what the user may see (e.g. <c>access.VisibleProcesses(user).Where(p => p.Id == id)</c>).</param>
    /// <param name="versionSeen">The version the user read: the form's hidden field, or the API's If-Match.</param>
    /// <param name="change">Makes the change through the entity; adds field errors (the API's camelCase names, "" for the whole) to refuse it.</param>
    /// <param name="staleMessage">What the user is told when someone else saved first; see <see cref="Conflicts.Message"/>.</param>
    /// <param name="wholeRecordRulesRefuse">
    /// When true, a rule the entity refuses without naming a field (approving one's own assessment) is a refusal of the
    /// change as a whole (422); otherwise it is an error on the form as a whole (400, field "").
    /// </param>
    public static async Task<Outcome<T>> RunAsync<T>(MendDb db, IQueryable<T> visible, int versionSeen,
        Func<T, Dictionary<string, string>, Task> change, string staleMessage, CancellationToken ct, bool wholeRecordRulesRefuse = false)
        where T : class, IVersioned
    {
        var record = await visible.SingleOrDefaultAsync(ct);
        if (record is null)
        {
            return Outcome<T>.NotFound();
        }

        if (record.Version != versionSeen)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Stale(staleMessage);
        }

        var errors = new Dictionary<string, string>();
        try
        {
            await change(record, errors);
        }
        catch (DomainRuleException ex) when (ex.Field is null && wholeRecordRulesRefuse)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Refused(ex.Message);
        }
        catch (DomainRuleException ex)
        {
            errors[ex.Field ?? ""] = ex.Message.TrimEnd('.');
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Invalid(errors);
        }

        return await db.SaveAtVersionAsync(record, versionSeen, ct) ? Outcome<T>.Done(record) : Outcome<T>.Stale(staleMessage);
    }

    /// <summary>The same, for a change that needs nothing awaited.</summary>
    public static Task<Outcome<T>> RunAsync<T>(MendDb db, IQueryable<T> visible, int versionSeen,
        Action<T, Dictionary<string, string>> change, string staleMessage, CancellationToken ct)
        where T : class, IVersioned =>
        RunAsync(db, visible, versionSeen, (record, errors) =>
        {
            change(record, errors);
            return Task.CompletedTask;
        }, staleMessage, ct);
}

/// <summary>The one wording for a change refused because someone else saved first (optimistic concurrency).</summary>
public static class Conflicts
{
    /// <summary>The title of the page shown when a save met someone else's change with no form to show again.</summary>
    public const string Title = "Someone else changed this record";

    /// <param name="what">The record, as the user knows it: "this case", "this victim's record".</param>
    /// <returns>A sentence without a final full stop, as every GOV.UK error message.</returns>
    public static string Message(string what) =>
        $"Someone else changed {what} while you were looking at it. The page now shows the latest; check it and try again";
}
