using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Mend.Web.Data;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Submissions;

/// <summary>
/// Makes a signed-in user's POST safe to send twice. A page form carries a hidden <c>__SubmissionId</c> (added to every
/// post form by <see cref="SubmissionIdTagHelper"/>); an API client sends an <c>Idempotency-Key</c> header. The first
/// request with a key reserves it (a unique row, so two at once cannot both run); when it succeeds its answer is kept,
/// encrypted, and a repeat gets that answer (a page: the same redirect; the API: the same status, headers and body). A
/// repeat arriving while the first is still running waits for it. A request that fails (field errors, 4xx, 5xx), or whose
/// answer cannot be kept, gives the key back, so it can be sent again; a reservation left by a request that never finished
/// (a node that died) is taken over after <see cref="AbandonedAfter"/>. The same key with a different request is refused.
/// </summary>
public sealed class RepeatGuard(RequestDelegate next, ILogger<RepeatGuard> logger)
{
    public const string FormField = "__SubmissionId";
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;
    public const int MaxKeptBody = 256 * 1024;
    private const int MaxKeptLocation = 2000;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock, FieldEncryption encryption)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api");
        // The error page shown after a failure runs the same POST through the pipeline again: it is not a new submission.
        var reExecuted = context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (reExecuted || !HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated != true
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await KeyOfAsync(context, isApi) is not { } key)
        {
            await next(context);
            return;
        }

        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await RefuseAsync(context, isApi, StatusCodes.Status400BadRequest,
                $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters, for example a UUID.");
            return;
        }

        var hash = await HashAsync(context.Request, isApi, encryption);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MendDb>();
        var waited = TimeSpan.Zero;
        for (var attempt = 0; ; attempt++)
        {
            var reserved = Submission.Reserve(userId, key, hash, clock.GetUtcNow().UtcDateTime);
            db.Submissions.Add(reserved);
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
                await RunFirstAsync(context, db, reserved, isApi, encryption);
                return;
            }
            catch (DbUpdateException ex) when (IsDuplicate(ex) && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }

            var first = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.Key == key, context.RequestAborted);
            if (first is null)
            {
                continue; // The first attempt failed and gave the key back: this one is a new attempt.
            }

            if (!first.Completed && clock.GetUtcNow().UtcDateTime - first.CreatedAt > AbandonedAfter)
            {
                // Reserved by a request that never finished (its node stopped): take it over.
                await db.Submissions.Where(s => s.UserId == userId && s.Key == key && !s.Completed && s.CreatedAt == first.CreatedAt)
                    .ExecuteDeleteAsync(context.RequestAborted);
                continue;
            }

            if (!first.RequestHash.AsSpan().SequenceEqual(hash))
            {
                logger.LogWarning("A submission key was reused for a different request");
                await RefuseAsync(context, isApi, StatusCodes.Status422UnprocessableEntity, isApi
                    ? $"This {Header} was already used for a different request. Use a new key for a new request."
                    : "This form was already sent with different answers. Go back, reload the page and send it again.");
                return;
            }

            if (first.Completed)
            {
                await ReplayAsync(context, first, encryption);
                return;
            }

            if (waited >= WaitForFirst)
            {
                await RefuseAsync(context, isApi, StatusCodes.Status409Conflict,
                    "This was already sent and is still being saved. Wait a moment, then check whether it was saved before sending it again.");
                return;
            }

            await Task.Delay(200, context.RequestAborted);
            waited += TimeSpan.FromMilliseconds(200);
            attempt--;
        }
    }

    /// <summary>A unique-key violation (SQLite 19 with its extended code 1555 or 2067; PostgreSQL 23505), not any failure.</summary>
    private static bool IsDuplicate(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private async Task RunFirstAsync(HttpContext context, MendDb db, Submission reserved, bool isApi, FieldEncryption encryption)
    {
        var original = context.Response.Body;
        using var captured = isApi ? new MemoryStream() : null;
        if (captured is not null)
        {
            context.Response.Body = captured;
        }

        var kept = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            // A page succeeds by redirecting (Post/Redirect/Get); a page shown again, with its field errors, has not.
            var succeeded = isApi ? status is >= 200 and < 400 : status is >= 300 and < 400;
            var location = context.Response.Headers.Location.ToString();
            if (succeeded && location.Length <= MaxKeptLocation && (captured is null || captured.Length <= MaxKeptBody))
            {
                reserved.Complete(status, location.Length > 0 ? encryption.Encrypt(location) : null,
                    context.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null, context.Response.ContentType,
                    captured is { Length: > 0 } ? encryption.Encrypt(Convert.ToBase64String(captured.ToArray())) : null);
                await db.SaveChangesAsync(CancellationToken.None);
                kept = true;
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // The answer could not be kept: the key is given back below, and the answer still goes to the client.
            logger.LogWarning("The answer to a submission could not be kept: {Kind}", ex.GetType().Name);
        }
        finally
        {
            if (captured is not null)
            {
                context.Response.Body = original;
                captured.Position = 0;
                await captured.CopyToAsync(original, CancellationToken.None);
            }

            if (!kept)
            {
                db.ChangeTracker.Clear();
                await db.Submissions.Where(s => s.UserId == reserved.UserId && s.Key == reserved.Key).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
    }

    private static async Task ReplayAsync(HttpContext context, Submission first, FieldEncryption encryption)
    {
        context.Response.StatusCode = first.Status;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.Location is not null)
        {
            context.Response.Headers.Location = encryption.Decrypt(first.Location);
        }

        if (first.ETag is not null)
        {
            context.Response.Headers.ETag = first.ETag;
        }

        if (first.Body is not null)
        {
            if (first.ContentType is not null)
            {
                context.Response.ContentType = first.ContentType;
            }

            await context.Response.Body.WriteAsync(Convert.FromBase64String(encryption.Decrypt(first.Body)), context.RequestAborted);
        }
    }

    private static async Task<string?> KeyOfAsync(HttpContext context, bool isApi)
    {
        if (isApi)
        {
            return context.Request.Headers.TryGetValue(Header, out var header) ? header.ToString() : null;
        }

        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form.TryGetValue(FormField, out var value) ? value.ToString() : null;
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA256, <see cref="FieldEncryption.CreateKeyedHash"/>) of the method, address and what was sent:
    /// the API's body, or a page's form fields (less its antiforgery token and files), so the same id sent with other
    /// answers is refused rather than answered with the first result. Keyed, because forms carry short secrets (a DBS
    /// certificate number, a check-out code) that a plain hash kept in the database would give away to anyone trying them all.
    /// </summary>
    private static async Task<byte[]> HashAsync(HttpRequest request, bool isApi, FieldEncryption encryption)
    {
        using var sha = encryption.CreateKeyedHash("submission-fingerprint");
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (isApi)
        {
            request.EnableBuffering();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }

            request.Body.Position = 0;
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var field in form.Where(f => f.Key != "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                sha.AppendData(Encoding.UTF8.GetBytes($"{field.Key}={string.Join('\u001f', field.Value.ToArray())}\u001e"));
            }
        }

        return sha.GetHashAndReset();
    }

    private static async Task RefuseAsync(HttpContext context, bool isApi, int status, string title)
    {
        if (isApi)
        {
            await Results.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["correlationId"] = context.TraceIdentifier })
                .ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var encoded = System.Net.WebUtility.HtmlEncode(title);
        await context.Response.WriteAsync($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Already sent – Mend</title></head>"
            + $"<body><main><h1>Already sent</h1><p>{encoded}</p><p><a href=\"/\">Go to your home page</a></p></main></body></html>");
    }
}

/// <summary>Forgets submissions older than <see cref="RepeatGuard.KeptFor"/>, with the API answers kept for them.</summary>
public sealed class SubmissionCleanup(MendDb db, TimeProvider clock) : IHourlyTask
{
    public static string Name => "submission-cleanup";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - RepeatGuard.KeptFor;
        return await db.Submissions.Where(s => s.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
