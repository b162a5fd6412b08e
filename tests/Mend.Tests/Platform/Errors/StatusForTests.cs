using Mend.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mend.Tests.Platform.Errors;

/// <summary>Which status a failure answers with, looking through EF's wrappers (the HA drill's failover found the last case).</summary>
public sealed class StatusForTests
{
    private static NpgsqlException ConnectionLost => new("Exception while reading from stream", new EndOfStreamException());

    [Fact]
    public void ASaveCutOffByTheDatabaseGoingAway_IsUnavailable()
    {
        // What EF raises when the primary stops mid-save: its transient-failure wrapper around the save's exception.
        var failover = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new DbUpdateException("An error occurred while saving the entity changes.", ConnectionLost));
        Assert.True(ConnectionLost.IsTransient);
        Assert.Equal(503, MendExceptionHandler.StatusFor(failover));
        Assert.Equal(503, MendExceptionHandler.StatusFor(new DbUpdateException("save", ConnectionLost)));
        Assert.Equal(503, MendExceptionHandler.StatusFor(new InvalidOperationException("read", ConnectionLost)));
        // Cut off mid-save, it may have been committed: the user is told to check, not that nothing was saved.
        Assert.True(MendExceptionHandler.MayHaveSaved(failover));
        Assert.False(MendExceptionHandler.MayHaveSaved(new InvalidOperationException("read", ConnectionLost)));
    }

    [Fact]
    public void ASaveThatReachedAStandby_IsUnavailable_AndNothingWasSaved()
    {
        // After a switchover a pooled connection (through PgBouncer) can still lead to the old primary, now a standby.
        var readOnly = new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction);
        Assert.False(readOnly.IsTransient);
        Assert.Equal(503, MendExceptionHandler.StatusFor(new DbUpdateException("save", readOnly)));
        Assert.Equal(503, MendExceptionHandler.StatusFor(new InvalidOperationException("wrapped", new DbUpdateException("save", readOnly))));
        Assert.False(MendExceptionHandler.MayHaveSaved(new DbUpdateException("save", readOnly)));
    }

    [Fact]
    public void ASaveCutOffByPgBouncerLosingItsServer_IsUnavailable_AndMayHaveSaved()
    {
        // PgBouncer's own errors during a failover are protocol violations (08P01), which Npgsql does not call transient.
        var crashed = new PostgresException("server conn crashed?", "ERROR", "ERROR", PostgresErrorCodes.ProtocolViolation);
        Assert.False(crashed.IsTransient);
        Assert.Equal(503, MendExceptionHandler.StatusFor(new DbUpdateException("save", crashed)));
        Assert.True(MendExceptionHandler.MayHaveSaved(new DbUpdateException("save", crashed)));
    }

    [Fact]
    public void ASaveTheDatabaseRefused_IsNotUnavailable()
    {
        var unique = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
        Assert.False(unique.IsTransient);
        Assert.Equal(500, MendExceptionHandler.StatusFor(new DbUpdateException("save", unique)));
        Assert.Equal(409, MendExceptionHandler.StatusFor(new DbUpdateConcurrencyException("changed by someone else")));
    }

    [Fact]
    public void ErrorsOnSpans_AreScrubbed_ButTheErrorStatusKept()
    {
        using var source = new System.Diagnostics.ActivitySource("Npgsql");
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var span = source.StartActivity("postgresql")!;
        span.AddEvent(new System.Diagnostics.ActivityEvent("first response"));
        span.AddException(new InvalidOperationException("invalid input syntax for type uuid: \"Zqxcanary\""));
        span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "invalid input syntax for type uuid: \"Zqxcanary\"");
        span.SetTag("otel.status_description", "Zqxcanary");
        span.Stop();

        new Mend.Web.Platform.Diagnostics.Telemetry.ScrubErrors().OnEnd(span);

        Assert.Equal(["first response"], span.Events.Select(e => e.Name));
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
        Assert.Null(span.StatusDescription);
        Assert.True(span.Recorded);
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("Zqxcanary", StringComparison.Ordinal) == true);
    }
}
