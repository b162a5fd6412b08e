using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Mend.Web.Data;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Mend.Web.Platform.Submissions;

/// <summary>
/// Makes a signed-in user's POST safe to send twice. A page form carries a hidden <c>__SubmissionId</c> (added to every
/// post form by <see cref="SubmissionIdTagHelper"/>); an API client sends an <c>Idempotency-Key</c> header. The first
/// request with a key reserves it (a unique row, so two at once cannot both run); when it succeeds its answer is kept,
/// and a repeat gets that answer (a page: the same redirect; the API: the same status, headers and body). A repeat
/// arriving while the first is still running waits for it. A request that fails (field errors, 4xx, 5xx) gives the key
/// back, so the corrected form can be sent again. The same key with a different request is refused with 422.
/// </summary>
public sealed class RepeatGuard(RequestDelegate next, ILogger<RepeatGuard> logger)
{
    public const string FormField = "__SubmissionId";
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;
    public const int MaxKeptBody = 256 * 1024;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api");
        if (!HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated != true
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

        var hash = await HashAsync(context.Request, isApi);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MendDb>();
        var reserved = Submission.Reserve(userId, key, hash, clock.GetUtcNow().UtcDateTime);
        db.Submissions.Add(reserved);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await RepeatAsync(context, db, userId, key, hash, isApi);
            return;
        }

        await RunFirstAsync(context, db, reserved, isApi);
    }

    private async Task RunFirstAsync(HttpContext context, MendDb db, Submission reserved, bool isApi)
    {
        var original = context.Response.Body;
        using var captured = isApi ? new MemoryStream() : null;
        if (captured is not null)
        {
            context.Response.Body = captured;
        }

        var succeeded = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            // A page succeeds by redirecting (Post/Redirect/Get); a page shown again, with its field errors, has not.
            succeeded = isApi ? status is >= 200 and < 400 : status is >= 300 and < 400;
            if (succeeded)
            {
                var body = captured is { Length: <= MaxKeptBody } ? captured.ToArray() : null;
                reserved.Complete(status, context.Response.Headers.Location.ToString() is { Length: > 0 } at ? at : null,
                    context.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null, context.Response.ContentType, body);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (captured is not null)
            {
                context.Response.Body = original;
                captured.Position = 0;
                await captured.CopyToAsync(original, CancellationToken.None);
            }

            if (!succeeded)
            {
                db.ChangeTracker.Clear();
                await db.Submissions.Where(s => s.UserId == reserved.UserId && s.Key == reserved.Key).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
    }

    private async Task RepeatAsync(HttpContext context, MendDb db, Guid userId, string key, byte[] hash, bool isApi)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var first = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.Key == key, context.RequestAborted);
            if (first is null)
            {
                // The first attempt failed and gave the key back: this one is a new attempt.
                await InvokeAgainAsync(context);
                return;
            }

            if (!first.RequestHash.AsSpan().SequenceEqual(hash))
            {
                logger.LogWarning("A submission key was reused for a different request");
                await RefuseAsync(context, isApi, StatusCodes.Status422UnprocessableEntity,
                    $"This {Header} was already used for a different request. Use a new key for a new request.");
                return;
            }

            if (first.Completed)
            {
                Replay(context, first);
                if (first.Body is { Length: > 0 } body)
                {
                    await context.Response.Body.WriteAsync(body, context.RequestAborted);
                }

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
        }
    }

    private Task InvokeAgainAsync(HttpContext context) =>
        InvokeAsync(context, context.RequestServices.GetRequiredService<IServiceScopeFactory>(), context.RequestServices.GetRequiredService<TimeProvider>());

    private static void Replay(HttpContext context, Submission first)
    {
        context.Response.StatusCode = first.Status;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.Location is not null)
        {
            context.Response.Headers.Location = first.Location;
        }

        if (first.ETag is not null)
        {
            context.Response.Headers.ETag = first.ETag;
        }

        if (first.ContentType is not null && first.Body is { Length: > 0 })
        {
            context.Response.ContentType = first.ContentType;
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

    /// <summary>A page's form is not hashed (a corrected form is sent again under the same key); the API's body is.</summary>
    private static async Task<byte[]> HashAsync(HttpRequest request, bool isApi)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
