using Mend.Web.Data;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Security;

/// <summary>
/// One client's posts to the sign-in pages in one minute, counted in the database so that every node behind a load
/// balancer shares the count (issue 22): with two nodes a client still gets <c>Mend:Security:SignInAttemptsPerMinute</c>
/// attempts a minute in all, not that many on each. The client is a keyed hash of its IP address (no address is stored);
/// rows older than an hour are removed by <see cref="SignInThrottleCleanup"/>.
/// </summary>
public sealed class SignInThrottle : Audit.IAuditExempt
{
    public string Client { get; private set; } = "";

    /// <summary>Whole minutes since 1 January 1970 (UTC).</summary>
    public long Minute { get; private set; }

    public int Count { get; private set; }
}

internal sealed class SignInThrottleModel : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => new { t.Client, t.Minute });
        builder.Property(t => t.Client).HasMaxLength(64);
        builder.HasIndex(t => t.Minute);
    }
}

/// <summary>
/// Refuses (429, "Too many attempts") a post to a page under the sign-in rate limit once its client has made
/// <c>SignInAttemptsPerMinute</c> posts this minute on any node. It runs after each node's own in-memory limit (five times
/// as many), which turns away floods before they reach the database.
/// </summary>
public sealed class SharedSignInLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != MendApp.SignInRateLimit)
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        var (db, security, clock) = (services.GetRequiredService<MendDb>(), services.GetRequiredService<SecuritySettings>(), services.GetRequiredService<TimeProvider>());
        using var hash = services.GetRequiredService<FieldEncryption>().CreateKeyedHash("sign-in-throttle");
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));
        var client = Convert.ToHexStringLower(hash.GetHashAndReset());
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var counted = await db.Database.SqlQuery<int>(
            $"INSERT INTO \"SignInThrottles\" (\"Client\", \"Minute\", \"Count\") VALUES ({client}, {minute}, 1) ON CONFLICT (\"Client\", \"Minute\") DO UPDATE SET \"Count\" = \"SignInThrottles\".\"Count\" + 1 RETURNING \"Count\" AS \"Value\"")
            .ToListAsync(context.RequestAborted);
        if (counted.Single() > security.SignInAttemptsPerMinute)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await next(context);
    }
}

/// <summary>Removes sign-in counts older than an hour (they count for one minute only).</summary>
public sealed class SignInThrottleCleanup(MendDb db, TimeProvider clock) : IHourlyTask
{
    public static string Name => "sign-in-throttle-cleanup";

    public Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().ToUnixTimeSeconds() / 60 - 60;
        return db.SignInThrottles.Where(t => t.Minute < before).ExecuteDeleteAsync(ct);
    }
}
