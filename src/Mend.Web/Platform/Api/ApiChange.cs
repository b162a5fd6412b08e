using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Api;

/// <summary>
/// The API's one sequence for a change to a versioned record: find the version of the record the user may see (404),
/// check If-Match against it (428 without, 412 for another version), make the change at that version, and answer its
/// <see cref="Outcome{T}"/>: field errors 400, forbidden 403, stale 412, done with the new ETag.
/// </summary>
public static class ApiChange
{
    public static async Task<IResult> RunAsync<T>(HttpContext http, IQueryable<int> visibleVersion, Func<int, Task<Outcome<T>>> change,
        Func<T, int> versionOf, Func<T, IResult> done, CancellationToken ct)
    {
        var current = await visibleVersion.Select(v => (int?)v).SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found, or you cannot see it.");
        }

        if (ApiResults.CheckIfMatch(http, current.Value) is { } refused)
        {
            return refused;
        }

        return Answer(http, await change(current.Value), versionOf, done);
    }

    /// <summary>
    /// The same sequence when the change is the entity's own method: load the record the user may see once (tracked),
    /// check If-Match against its version, apply the change (its field errors give 400 and nothing is saved), save at
    /// that version (412 if someone saved in between), and answer with the new ETag.
    /// </summary>
    public static async Task<IResult> RunAsync<TEntity>(HttpContext http, Data.MendDb db, IQueryable<TEntity> visibleRecord,
        Func<TEntity, IReadOnlyDictionary<string, string>> apply, Func<TEntity, IResult> done, CancellationToken ct, string? staleMessage = null)
        where TEntity : class, IVersioned
    {
        var record = await visibleRecord.SingleOrDefaultAsync(ct);
        if (record is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found, or you cannot see it.");
        }

        if (ApiResults.CheckIfMatch(http, record.Version) is { } refused)
        {
            return refused;
        }

        var seen = record.Version;
        var errors = apply(record);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ApiResults.FieldErrors(errors);
        }

        return await db.SaveAtVersionAsync(record, seen, ct)
            ? Answer(http, Outcome<TEntity>.Done(record), r => r.Version, done)
            : Answer(http, Outcome<TEntity>.Stale(staleMessage
                ?? "The record was changed by someone else while you were saving. Read it again and make your change over the latest version."), null, done);
    }

    /// <summary>The HTTP answer for an outcome.</summary>
    public static IResult Answer<T>(HttpContext http, Outcome<T> outcome, Func<T, int>? versionOf, Func<T, IResult> done)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found, or you cannot see it.");
            case OutcomeKind.Forbidden:
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Sentence(outcome.Message));
            case OutcomeKind.Refused:
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: Sentence(outcome.Message));
            case OutcomeKind.Stale:
                return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: Sentence(outcome.Message));
            case OutcomeKind.Invalid:
                return ApiResults.FieldErrors(outcome.Errors);
            case OutcomeKind.Exists:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Sentence(outcome.Message),
                    extensions: new Dictionary<string, object?> { ["existingId"] = outcome.ExistingId });
            default:
                if (versionOf is not null)
                {
                    ApiResults.SetETag(http, versionOf(outcome.Value!));
                }

                return done(outcome.Value!);
        }
    }

    /// <summary>Problem titles are sentences; page messages (GOV.UK style) have no final full stop.</summary>
    private static string? Sentence(string? message) => message is null || message.EndsWith('.') ? message : message + ".";
}
